"use client";

import type { ChatItem } from "@/lib/assistants/chat-stream";
import { ItemFrame, str } from "./item-context";

/** An image the image generation tool made, inline from its base64 (the partial one while it streams). */
export function ImageItem({ item }: { item: ChatItem }) {
  const b64 = str(item.result) || str(item.partial_image_b64);
  const format = str(item.output_format) || "png";
  return (
    <ItemFrame type="image_generation_call" label="Image generation" status={item.status}>
      {str(item.revised_prompt) && <p className="text-muted text-xs">{str(item.revised_prompt)}</p>}
      {b64 && (
        // biome-ignore lint/performance/noImgElement: the image is in the item, as base64
        <img
          src={`data:image/${format};base64,${b64}`}
          alt={str(item.revised_prompt) || "Generated image"}
          className="max-h-96 rounded-md border border-border"
          data-testid="chat-image"
        />
      )}
    </ItemFrame>
  );
}
