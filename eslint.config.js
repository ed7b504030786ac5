// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "grammars/*.html", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='parseFloat']", message: "money, rates and scores are decimal.js values, never floats" },
      ],
    },
  },
  {
    files: ["bin/**/*.js", "scripts/**/*.mjs", "scripts/**/*.cjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
);
