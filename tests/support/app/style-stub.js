// Stylesheets are irrelevant to what a test asserts; jest maps every .css/.scss import here.
module.exports = {}
