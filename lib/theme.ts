/** Theme choice, kept in localStorage and applied as `data-theme` on <html> before first paint. */
export type ThemeChoice = "light" | "dark" | "system";
export const THEME_KEY = "benchtop-theme";

/** Inlined in <head>: sets the theme before React loads, so there is no flash of the wrong one. */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem("${THEME_KEY}")||"system";var d=c==="dark"||(c==="system"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.dataset.theme=d?"dark":"light";}catch(e){}})();`;

export function applyTheme(choice: ThemeChoice): void {
  localStorage.setItem(THEME_KEY, choice);
  const dark =
    choice === "dark" || (choice === "system" && matchMedia("(prefers-color-scheme: dark)").matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function readTheme(): ThemeChoice {
  const v = typeof localStorage === "undefined" ? null : localStorage.getItem(THEME_KEY);
  return v === "light" || v === "dark" ? v : "system";
}
