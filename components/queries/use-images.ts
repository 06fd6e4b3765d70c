"use client";

import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { ApiError } from "@/lib/errors";
import {
  deleteImage,
  getImage,
  getImageLineage,
  getImageSettings,
  type ImageListResponse,
  listImages,
  setImageVisibility,
} from "@/lib/images/library-client";
import type { ImageLineage, ImageSettingsDto, ImageVisibility, StoredImage } from "@/lib/images/schema";
import { queryKeys } from "@/lib/query-keys";

export const IMAGE_PAGE_SIZE = 60;

/** The images the user can see for the filters (a query string), newest first, a page at a time. */
export function useImageList(filters: string) {
  return useInfiniteQuery<ImageListResponse, ApiError>({
    queryKey: queryKeys.imageList(filters),
    queryFn: ({ pageParam, signal }) => {
      const sp = new URLSearchParams(filters);
      sp.set("limit", String(IMAGE_PAGE_SIZE));
      if (pageParam) sp.set("cursor", String(pageParam));
      return listImages(sp, signal);
    },
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Images arrive from the studio and from teammates: look again whenever the page opens.
    staleTime: 0,
    refetchOnMount: "always",
    // A new filter keeps the last results on screen until its own arrive: no flash of "Loading",
    // and a selection (with its open confirm dialog) is not dropped in between.
    placeholderData: keepPreviousData,
  });
}

export function useImage(id: string) {
  return useQuery<StoredImage, ApiError>({
    queryKey: queryKeys.image(id),
    queryFn: ({ signal }) => getImage(id, signal),
    retry: (n, e) => e.status !== 404 && n < 2,
  });
}

export function useImageLineage(id: string) {
  return useQuery<ImageLineage, ApiError>({
    queryKey: queryKeys.imageLineage(id),
    queryFn: ({ signal }) => getImageLineage(id, signal),
    retry: (n, e) => e.status !== 404 && n < 2,
  });
}

export function useImageSettings() {
  return useQuery<ImageSettingsDto, ApiError>({
    queryKey: queryKeys.imageSettings,
    queryFn: ({ signal }) => getImageSettings(signal),
  });
}

/** Deletes images one after another; resolves with how many went (the rest throw the first error). */
export function useDeleteImages() {
  const qc = useQueryClient();
  return useMutation<number, ApiError, string[]>({
    mutationFn: async (ids) => {
      for (const id of ids) await deleteImage(id);
      return ids.length;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.images }),
  });
}

export function useSetImageVisibility() {
  const qc = useQueryClient();
  return useMutation<StoredImage[], ApiError, { ids: string[]; visibility: ImageVisibility }>({
    mutationFn: async ({ ids, visibility }) => {
      const out: StoredImage[] = [];
      for (const id of ids) out.push(await setImageVisibility(id, visibility));
      return out;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: queryKeys.images }),
  });
}
