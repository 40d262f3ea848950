// Builds the task pane and the ribbon commands into dist/, and the manifest with its production URL.
const path = require("node:path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

/**
 * office-addin-dev-certs makes a localhost certificate and installs its CA in the system's trust store. Where that
 * installation is impossible (no administrator rights), serve with the generated files anyway and say so.
 */
async function devCertificates() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const fs = require("node:fs");
    const dir = path.join(require("node:os").homedir(), ".office-addin-dev-certs");
    const files = { key: path.join(dir, "localhost.key"), cert: path.join(dir, "localhost.crt"), ca: path.join(dir, "ca.crt") };
    if (!Object.values(files).every((file) => fs.existsSync(file))) throw error;
    console.warn(
      `Certificat de développement non installé dans le magasin du système (${error.message.split("\n")[0]}) : le navigateur demandera de l'accepter.`,
    );
    return Object.fromEntries(Object.entries(files).map(([key, file]) => [key, fs.readFileSync(file)]));
  }
}

module.exports = async (env, argv) => {
  const production = argv.mode === "production";
  const publicUrl = process.env.CTG_PUBLIC_URL || DEV_URL;
  const rewriteManifest = (content) => {
    const url = publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`;
    // AppDomain takes an origin, every other URL the full path.
    return content
      .toString()
      .split(DEV_URL)
      .join(url)
      .replace(/https:\/\/localhost:3000(?=<)/g, new URL(url).origin);
  };
  return {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    // pptxgenjs imports node:fs and node:https only when it runs under Node; in the pane they are never loaded.
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"], fallback: { fs: false, https: false } },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, loader: "esbuild-loader", options: { target: "es2020", jsx: "automatic" } }],
    },
    // The real budget is the gzipped start-up JS (≤ 300 KB), measured by `npm run bench`; these minified sizes only
    // warn well before it is at risk.
    performance: { hints: production ? "warning" : false, maxEntrypointSize: 1_000_000, maxAssetSize: 1_500_000 },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(/^node:(fs|https)$/, (resource) => {
        resource.request = resource.request.replace(/^node:/, "");
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/aide.html", to: "aide.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: rewriteManifest },
        ],
      }),
      {
        apply(compiler) {
          compiler.hooks.thisCompilation.tap("ManifestUrlWarning", (compilation) => {
            if (production && !process.env.CTG_PUBLIC_URL) {
              compilation.warnings.push(
                new Error("dist/manifest.xml garde https://localhost:3000/ : définissez CTG_PUBLIC_URL=https://votre-serveur/chemin/ pour un déploiement."),
              );
            }
          });
        },
      },
    ],
    devServer: {
      port: 3000,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: { directory: path.resolve(__dirname, "dist") },
      // Certificates are asked for only when the dev server starts, so that `npm run build` never needs them.
      server: { type: "https", options: env?.WEBPACK_SERVE ? await devCertificates() : {} },
    },
  };
};
