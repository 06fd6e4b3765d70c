import { type NextRequest, NextResponse } from "next/server";

// Tells server layouts which page was asked for, so sign-in can return there afterwards.
export function proxy(req: NextRequest): NextResponse {
  const headers = new Headers(req.headers);
  headers.set("x-benchtop-path", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Pages only: the API and the proxy never pay for this.
  matcher: ["/((?!api/|_next/|favicon.ico).*)"],
};
