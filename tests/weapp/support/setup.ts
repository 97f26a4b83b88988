// A page renders in about 1.5 s under wcc/exparser, and each file starts the real server first.
jest.setTimeout(60000)
