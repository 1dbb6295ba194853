// Stylesheets mean nothing to jsdom: imports of .scss / .css resolve to this empty module.
export default {};
