/** The command's version, as package.json gives it (test/package holds them equal). */
export const VERSION = "0.1.0";
