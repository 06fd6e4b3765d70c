import { type ButtonHTMLAttributes, cloneElement, type ReactElement } from "react";
import { Spinner } from "./spinner";

const VARIANTS = { default: "", primary: "btn-primary", danger: "btn-danger", ghost: "btn-ghost" };
const SIZES = { md: "", sm: "h-7 px-2 text-xs", xs: "h-6 px-1.5 text-xs", icon: "size-8 px-0" };

export interface ButtonStyle {
  variant?: keyof typeof VARIANTS;
  /** md: the default 32 px; sm: 28 px for toolbars and rows; xs: 24 px for chips; icon: a 32 px square. */
  size?: keyof typeof SIZES;
}

/** The classes of a button, for the rare element that must look like one without being one. */
export function buttonClass({ variant = "default", size = "md" }: ButtonStyle = {}, className = ""): string {
  return ["btn", VARIANTS[variant], SIZES[size], className].filter(Boolean).join(" ");
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonStyle {
  /** Shows a spinner and disables the button while a request runs. */
  pending?: boolean;
  /**
   * Render another element with the button's look, e.g. `render={<Link href="/x" />}` or a
   * `<label>` around a file input. Props and children are passed to it.
   */
  render?: ReactElement<Record<string, unknown>>;
}

export function Button({
  variant,
  size,
  pending = false,
  disabled,
  className,
  children,
  type = "button",
  render,
  ...rest
}: ButtonProps) {
  const classes = buttonClass({ variant, size }, className);
  const content = (
    <>
      {pending && <Spinner />}
      {children}
    </>
  );
  if (render) {
    const own = render.props.className;
    return cloneElement(render, {
      ...rest,
      className: own ? `${classes} ${own}` : classes,
      children: content,
    });
  }
  return (
    <button
      type={type}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={classes}
      {...rest}
    >
      {content}
    </button>
  );
}
