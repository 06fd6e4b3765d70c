import type { ReactNode } from "react";
import { ImagesTabs } from "@/components/images/images-tabs";

export default function ImagesLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-7xl space-y-3">
      <h1 className="font-semibold text-xl">Images</h1>
      <ImagesTabs>{children}</ImagesTabs>
    </div>
  );
}
