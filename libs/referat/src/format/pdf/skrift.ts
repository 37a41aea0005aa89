/**
 * Noto Serif (SIL Open Font License 1.1, from the npm package
 * @expo-google-fonts/noto-serif): it has every Danish letter, and the
 * document embeds the glyphs it uses, so it reads the same on every machine.
 */
export const SKRIFT = {
  brod: require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf'),
  fed: require.resolve('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf'),
} as const;

/** Sizes in points, as the HTML version's print style sets them. */
export const STOERRELSE = { titel: 17, h2: 14, h3: 11.5, brod: 11, sidehoved: 8.5 } as const;

/** A4 in points, margins 2.5 cm top, bottom and left, 2 cm right. */
export const SIDE = { format: 'A4', margener: { top: 71, bottom: 71, left: 71, right: 57 } } as const;

/** Space between blocks, in points. */
export const LUFT = { afsnit: 6, overskrift: 4, foerOverskrift: 10 } as const;
