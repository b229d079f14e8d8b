// Webmail module of the Echo test plugin.
export const label = "Écho";
