import type { Station } from '@contract'

export interface StationMapProps {
  stations: Station[]
  /** Where the worker is (GCJ-02), or the chosen city's point: drawn with the markers so the map frames both. */
  centre?: { lat: number; lng: number } | null
  onOpen: (id: number) => void
}
