/** The official Doris images the docker environment runs (FE, BE). */
export const DORIS_IMAGES = ['apache/doris:fe-3.1.2', 'apache/doris:be-3.1.2'] as const;
