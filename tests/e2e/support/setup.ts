// Journeys start a server and a browser: far slower than jest's 5 s default.
jest.setTimeout(60000)
