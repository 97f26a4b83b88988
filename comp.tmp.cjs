const sharp = require('sharp')
const [out, ...files] = process.argv.slice(2)
;(async () => {
  const imgs = await Promise.all(files.map((f) => sharp(f).resize({ height: 700 }).toBuffer({ resolveWithObject: true })))
  const w = imgs.reduce((s, i) => s + i.info.width + 10, 0)
  let x = 0
  const comps = imgs.map((i) => { const c = { input: i.data, left: x, top: 0 }; x += i.info.width + 10; return c })
  await sharp({ create: { width: w, height: 700, channels: 3, background: '#888' } }).composite(comps).png().toFile(out)
})()
