import type { FastifyInstance } from 'fastify'
import { api } from '../../types'
import { listBrands } from '../brands/brands.service'
import { route } from '../http/route'

export function brandRoutes(app: FastifyInstance): void {
  route(app, api.listBrands, () => listBrands(app.db, app.clock()))
}
