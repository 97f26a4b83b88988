/** GCJ-02 coordinates, the system Chinese maps and the server use. */
export interface Position {
  lat: number
  lng: number
}
