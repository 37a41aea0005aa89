/**
 * Real texts from the two seed referater in test/fixtures/seeds, copied verbatim
 * (including the seed's own "?" artefacts): seed 000 (Innovation og velfærd,
 * 21-11-2016) punkt 1, and seed 001 (Direktionen, 16-12-2019) punkt 2.
 */

export const SEED_000_PUNKT_1 = {
  titel: '17,4 Innovation af velfærd - iværksætteri i Albertslund',
  journalnummer: '00.01.10-A21-3-15',
  udvalg: 'Innovation og velfærd (§17, stk.4)',
  moedeDato: '2016-11-21',
  anledning: 'Fælles drøftelse om innovationsbåren iværksætteri i Albertslund Kommune med §17,4 udvalget for Innovation i byen',
  /** The indstilling block exactly as printed in the referat. */
  indstillingSomTrykt:
    'Direktøren for By, Kultur, Miljø & Beskæftigelse indstiller,\n\n1. at udvalgene drøfter hvordan Albertslund Kommune kan bruge kommunens innovationsplatforme til at skabe iværksætteri',
  sagsfremstilling: [
    'I Albertslund Kommune arbejdes der med en todeling inden for iværksætteri. Den generelle iværksætterindsats har som en del af Erhvervsstrategien forankring i Økonomiudvalget. Det andet ben i arbejdet med iværksætteri i Albertslund Kommune fremgår af handleplanen for kommunens erhvervsstrategi. Her fremgår det, at Albertslunds markante profil inden for lysteknologi og den smarte by skal udnyttes til at skabe nye virksomheder og beskæftigelse inden for grønt og kreativt iværksætteri.',
    'Det indebærer bl.a. at der arbejdes med at understøtte nye former for lærings- og innovationsforløb med unge og andre der overvejer at starte virksomhed, over rådgivning til iværksættere og etablerede virksomheder, til at opsøge og indbyde nye virksomheder til samarbejde med kommunen.',
    'I forlængelse af innovationsudvalgenes arbejdsområder, er det relevant at udvalgene drøfter hvordan handlingsplanens fokusområder om følgende kan realiseres;',
    '- introducere børn og unge til innovation og entreprenørskab\n- samarbejde med virksomheder inden for sund vækst og velfærdsteknologisk, samt grønt og socialt iværksætteri\n- tiltrække iværksættere og talenter med interesse for lys, fotonik, lysteknologi og den smarte by',
    'I 2016-2017 igangsættes følgende aktiviteter:',
    '- Smart Grøn Innovationsplatform under Gate21\n- Projektudvikling: Innovations- og iværksætterhus i Hersted Industripark som en del af Start-up\n- Åben skole: Produktudvikling og praktikforløb (innovation, lys, og den smarte by)\n- Netværksmøder mellem skoler og virksomheder med henblik på længerevarende samarbejder og virksomhedssponsorater\n- Markedsføring af Hovedstadens Iværksætterprogram, Iværksætterhusets og Væksthus Hovedstadens kursus- og vejledningstilbud til iværksættere, ledige og virksomheder.',
    'På mødet vil Afdelingschef for By, Kultur & Fritid, Katrine Buhl Møller, præsentere et kort oplæg om Sund og Grøn Vækst i Albertslund Kommune.',
    'Hans Henrik Agger, projektleder på Smart Grøn Innovationsplatform ved Gate21, vil ligeledes præsentere et kort oplæg om iværksætteri med blik på den videre drøftelse om hvordan politikerne kan bruge iværksætteri og innovation.',
  ].join('\n\n'),
  beslutning: [
    'Afdelingschefen for By, Kultur & Fritid orienterede om iværksætterindsatsen i Albertslund Kommune under temaerne SMART-city, DOLL, den åbne skole, velfærdsområdet med living labs i sundhedshuset og Copenhagen Health Tech Cluster.',
    'Hans Henrik Agger præsenterede sit oplæg om iværksætteri. Grundlæggende ses der to former for iværksætteri, der er de idéer som kan opskaleres og så er der de som ikke skaleres. Her har Albertslund Kommune mulighed for at kunne være trækplaster for afprøvning og facilitering af start-up virksomheder.',
    'Udvalget og dets gæster drøftede på baggrund af de to oplæg, hvordan Albertslund kan og bør arbejde med iværksætteri og innovation. Det blev drøftet med fokus på:',
    '- Hvordan unge i Albertslund Kommune, i både gymnasiet og folkeskolen, kan være med til at bidrage til iværksætteri og innovation, og at der skal findes veje hvorpå de kan bidrage til mere.\n- at Albertslund Kommune pga. kommunens størrelse kan skabe gode muligheder for afprøvning af velfærdsteknologier og offentlig-privat-innovationssamarbejder - også med mindre etablerede virksomheder.\n- netværksarbejdet og kommunens netværksstruktur lader innovationsarbejdet vokse blandt medarbejderne. Her kan virksomheder og iværksættere eventuelt inviteres ind, hvis idéer skal opskaleres.\n- hvordan inspiration kan søges i udlandet om fx. hvordan man sikrer en faglighed og kultur om iværksætteri.\n- at der kan arbejdes med et ideologisk udgangspunkt for innovation og iværksætteri, hvor der er et bærende og gennemgående fokus på emnet. En start kunne være, at kommunen byder ind med fx 10 problemer eller såkaldte "wicked problems", som de ønsker løst. Her kan alle, unge, iværksættere, skoler, gymnasier, virksomheder, borgere mv. byde ind med hvordan problemerne kan løses. Grundlæggende handler det om, at det skal gøres konkret samtidig med at flere perspektiver bringes i spil.',
    'Borgmester Steen Christiansen, §17,4 Udvalg for Innovation og velfærd, Trine Ladekarl Nellemann (NEXT), og Hans Henrik Agger (Gate 21) deltog i drøftelsen af dagsordenspunktet.',
    'Helge Bo Jensen (Ø), Allan Høyer (O) og Sofie Amalie Blomsterberg (V) deltog ikke i mødet.',
  ].join('\n\n'),
  bilag: ['Handleplan 2016-17 for Erhvervsstrategien 2013 - 2017', 'Iværksætteri - Sund og Grøn vækst i Albertslund Kommune'],
};

export const SEED_001_PUNKT_2 = {
  sagsnummer: '19/18529',
  titel: 'Status sociale investeringer - dec 2019',
  udvalg: 'Direktionen',
  moedeDato: '2019-12-16',
  /** Printed under "Baggrund" in this referat. */
  anledning:
    'Formålet med sagen er at redegøre for, hvordan arbejdet med sociale investeringer kan gribes an i HTK. Sociale investeringer er i fokus som en ny tilgang til at løse velfærdsudfordringer, og er aktualiseret af, at Den Sociale Investeringsfond (DSI) har åbnet for ansøgninger. Denne sag beskriver, hvad begrebet sociale investeringer dækker, opmærksomhedspunkter i forhold til arbejde med sociale investeringer og anbefaling til det videre arbejde med sociale investeringer i HTK. Supplerende til sagen er et notat, som skitserer nationale erfaringer med sociale investeringer, overblik over fonde og juridiske opmærksomhedspunkter.??',
  indstilling:
    'Det indstilles, at direktionen godkender, at der oparbejdes erfaringer i netværk på tværs af organisationen med tovhold i BYC med sociale investeringer med henblik på stillingtagen til fremadrettet organisering medio 2020.',
  beslutning:
    'Det blev aftalt, at der skal være en temadrøftelse i Økonomiudvalget om sociale investeringer, herefter tages stilling til det videre arbejde med sociale investeringer i administrationen.',
  /** The sagsfremstilling's opening section. */
  sagsfremstilling: [
    'Hvad er sociale investeringer??',
    'Sociale investeringer er en relativ ny tilgang til udvikling af velfærd og i HTK er der også et ønske om at skabe erfaringer med tilgangen for at vurdere, om det er en interessant måde at udvikle kerneydelserne i kommunen.?',
    '?',
    'Der kan skelnes mellem to overordnede typer af sociale investeringer: 1) Interne investeringer. Flere kommuner har oprettet investeringspuljer med et ønske om at investere for at skabe økonomisk effekt i de fremtidige budgetter. I Høje-Taastrup Kommune er beskæftigelsespakken og børnepakken eksempler på dette. 2) Effektiv investering med ekstern investor. Her kan der fx være tale om, at en kommune indgår aftale med en privat aktør/leverandør og en ekstern investor (fond) om en investeringscase, hvor betalingen til leverandør og investor er afhængig af, om leverandørens indsats medfører den ønskede effekt (fx at et antal af en given gruppe kommer i beskæftigelse). Den private aktør/leverandør og investor påtager sig altså en økonomisk risiko ved indsatsen mhp. at den eventuelle udbetaling af den effektbundne betaling kan give et investeringsafkast. Og kommunen skal dele gevinsten med investor.',
    '?',
    'Sociale investeringer forbindes med tre overordnede potentialer: 1) De kan åbne for nye udefrakommende øjne på en problemstilling, kommunen selv har svært ved at se løsninger på eller som kommunen ikke har hjemmel til at løse. 2) Deres indvirkning på fremtidige budgetter kan understøtte et styrket fokus på forebyggende indsatsers betydning og muligheden for ekstern finansiering kan åbne for forebyggende tiltag, der ellers ikke var mulige. 3) De kan forskyde risikoen for indsatsers effekter til eksterne investorer og bidrage til opbygningen af viden om indsatsers effekter.?',
  ].join('\n\n'),
  bilag: 'Sociale investeringer notat - bilag til direktionssag.docx',
};
