/** Theme choice, kept in localStorage and applied as `data-theme` on <html> before first paint. */
export type ThemeChoice = "light" | "dark" | "system";
export const THEME_KEY = "benchtop-theme";
export const THEME_CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
  { value: "system", label: "System" },
];

/** Inlined in <head>: sets the theme before React loads, so there is no flash of the wrong one. */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem("${THEME_KEY}")||"system";var d=c==="dark"||(c!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.dataset.theme=d?"dark":"light";}catch(e){}})();`;

const DARK_QUERY = "(prefers-color-scheme: dark)";

function paint(choice: ThemeChoice): void {
  const dark = choice === "dark" || (choice === "system" && matchMedia(DARK_QUERY).matches);
  document.documentElement.dataset.theme = dark ? "dark" : "light";
}

export function applyTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Private mode or storage disabled: the choice still applies to this page.
  }
  paint(choice);
  window.dispatchEvent(new CustomEvent(THEME_KEY, { detail: choice }));
}

export function readTheme(): ThemeChoice {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

/**
 * Keeps the page in step while it is open: with "system", an OS switch to dark mode repaints at once;
 * a choice made in another tab (or another control on this page) is picked up too.
 */
export function watchTheme(onChange: (choice: ThemeChoice) => void): () => void {
  const media = matchMedia(DARK_QUERY);
  const sync = () => {
    const choice = readTheme();
    paint(choice);
    onChange(choice);
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key === THEME_KEY) sync();
  };
  media.addEventListener("change", sync);
  window.addEventListener("storage", onStorage);
  window.addEventListener(THEME_KEY, sync);
  return () => {
    media.removeEventListener("change", sync);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(THEME_KEY, sync);
  };
}
