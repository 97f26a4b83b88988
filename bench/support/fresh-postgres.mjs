// A throwaway PostgreSQL database for one benchmark run, made beside the one DATABASE_URL names and dropped after.
import pg from 'pg'

async function asAdmin(baseUrl, query) {
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  try {
    await admin.query(query)
  } finally {
    await admin.end()
  }
}

/** Creates `database` on the server of `baseUrl` and answers its URL. */
export async function createPostgresDatabase(baseUrl, database) {
  await asAdmin(baseUrl, `create database ${database}`)
  const url = new URL(baseUrl)
  url.pathname = '/' + database
  return url.toString()
}

export const dropPostgresDatabase = (baseUrl, database) => asAdmin(baseUrl, `drop database if exists ${database} with (force)`)
