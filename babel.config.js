// Taro's preset compiles the client (TypeScript + React) for both the weapp and the H5 builds.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
