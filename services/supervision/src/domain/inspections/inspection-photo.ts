/** A photo taken at a daily inspection (JPEG or PNG, checked by its content), stored before the inspection. */
export interface InspectionPhoto {
  id: string;
  tenant: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png'];
