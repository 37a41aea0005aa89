import { ApiProperty } from '@nestjs/swagger';
import { MOEDE_STATUSES, MoedeStatus } from '@sagsgang/moede';

/** A meeting the public may see (its dagsorden is sent), as a list shows it. */
export class OffentligtMoedeResumeDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Økonomiudvalget' }) udvalg!: string;
  @ApiProperty({ example: '2019-12-16T17:00:00+01:00', description: 'ISO 8601 with the offset the meeting was called with' })
  start!: string;
  @ApiProperty({ example: 'Mødelokale B105' }) sted!: string;
  @ApiProperty({ enum: MOEDE_STATUSES, example: 'offentliggjort' }) status!: MoedeStatus;
  @ApiProperty({ description: 'The referat is published and may be read' }) referatOffentliggjort!: boolean;
  @ApiProperty({ description: 'Punkter on the dagsorden, withdrawn ones included' }) antalPunkter!: number;
}

export class OffentligtBilagDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Budgetnotat' }) titel!: string;
  @ApiProperty({ example: 'budgetnotat.pdf' }) filnavn!: string;
  @ApiProperty({ example: 'application/pdf' }) medietype!: string;
  @ApiProperty({ description: 'Bytes' }) stoerrelse!: number;
  @ApiProperty({ example: '/offentlig/moeder/…/punkter/1/bilag/…', description: 'Where to download it' }) url!: string;
}

/** A punkt as the public sees it: a lukket punkt by its number and neutral title only. */
export class OffentligtPunktDto {
  @ApiProperty() nr!: number;
  @ApiProperty({ description: 'The title shown to the public (the neutral title of a lukket punkt), with its markings' }) titel!: string;
  @ApiProperty() lukket!: boolean;
  @ApiProperty() supplerende!: boolean;
  @ApiProperty() trukket!: boolean;
  @ApiProperty({ type: String, nullable: true, example: '19/18529', description: 'Null for a lukket punkt' })
  sagsnummer!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Godkendt',
    description: 'Once the referat is published: the udfald of an open punkt, or that a lukket one was decided',
  })
  beslutning!: string | null;
  @ApiProperty({ type: [OffentligtBilagDto], description: 'The bilag of an open, not withdrawn punkt; none for a lukket one' })
  bilag!: OffentligtBilagDto[];
}

export class OffentligtMoedeDto extends OffentligtMoedeResumeDto {
  @ApiProperty({ description: 'When the dagsorden was sent' }) udsendt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'When the referat was published' }) offentliggjort!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why the meeting was cancelled, if it was' }) aflystBegrundelse!: string | null;
  @ApiProperty({ type: [OffentligtPunktDto] }) punkter!: OffentligtPunktDto[];
}

export class OffentligMoedeListeDto {
  @ApiProperty({ type: [OffentligtMoedeResumeDto], description: 'Newest start first' }) items!: OffentligtMoedeResumeDto[];
  @ApiProperty({ description: 'Matches before paging' }) total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class ForsideDto {
  @ApiProperty({ type: [String], description: 'Every udvalg with a public meeting, in Danish alphabetical order' }) udvalg!: string[];
  @ApiProperty({ type: [OffentligtMoedeResumeDto], description: 'Meetings from today on, soonest first' })
  kommende!: OffentligtMoedeResumeDto[];
  @ApiProperty({ type: [OffentligtMoedeResumeDto], description: 'Meetings before today, newest first' })
  seneste!: OffentligtMoedeResumeDto[];
}

/** A piece of a search hit's excerpt; `fremhaevet` marks the words that matched. */
export class UddragDelDto {
  @ApiProperty() tekst!: string;
  @ApiProperty() fremhaevet!: boolean;
}

export class SoegeHitDto {
  @ApiProperty({ format: 'uuid' }) moedeId!: string;
  @ApiProperty() udvalg!: string;
  @ApiProperty() start!: string;
  @ApiProperty({ enum: ['dagsorden', 'referat'] }) art!: 'dagsorden' | 'referat';
  @ApiProperty() punktNr!: number;
  @ApiProperty({ description: 'The punkt as the public sees it' }) punktTitel!: string;
  @ApiProperty({ type: [UddragDelDto] }) uddrag!: UddragDelDto[];
}

export class SoegeResultatDto {
  @ApiProperty({ description: 'The search as understood (trimmed)' }) q!: string;
  @ApiProperty({ type: [SoegeHitDto], description: 'Best match first' }) items!: SoegeHitDto[];
  @ApiProperty({ description: 'Whether more hits follow this page' }) flere!: boolean;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}
