#!/usr/bin/env node
// Validates a Teams app manifest offline against the official JSON schema that @microsoft/app-manifest ships,
// together with the localization files and icons it names (paths relative to the manifest's folder).
//
//   node tests/tools/validate-teams-manifest.js path/to/manifest.json
//
// Prints one JSON object on stdout:
//   {"valid": true|false, "manifestVersion": "1.30", "errors": [{"file": "manifest.json", "message": "..."}]}
// Exit code: 0 valid, 1 invalid, 2 could not validate (usage, unreadable file, a schema the package does not ship).
// Nothing is fetched: a $schema that is not in the package is an error, never a download.
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?json-schemas\/teams\/(v[0-9A-Za-z.]+)\/(MicrosoftTeams(?:\.Localization)?\.schema\.json)$/i;

class CannotValidate extends Error {}

function main(argv) {
  if (argv.length !== 1) {
    throw new CannotValidate("usage: node validate-teams-manifest.js <manifest.json>");
  }
  let appManifest;
  try {
    appManifest = require("@microsoft/app-manifest");
  } catch (e) {
    throw new CannotValidate(
      `@microsoft/app-manifest (with fs-extra beside it) is not installed: run 'npm ci' at the repository root (${e.message})`,
    );
  }
  const schemaRoot = path.join(
    path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
    "build",
    "json-schemas",
    "teams",
  );

  const manifestPath = path.resolve(argv[0]);
  const folder = path.dirname(manifestPath);
  const errors = [];
  const add = (file, message) => errors.push({ file, message });

  const manifest = readJson(manifestPath, add, path.basename(manifestPath), true);
  if (manifest === undefined) {
    return { valid: false, manifestVersion: null, errors };
  }
  if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) {
    add(path.basename(manifestPath), "must be a JSON object");
    return { valid: false, manifestVersion: null, errors };
  }

  const schema = loadSchema(schemaRoot, manifest.$schema, "MicrosoftTeams.schema.json");
  const validations = [validate(appManifest, manifest, schema.json, path.basename(manifestPath), add)];

  // The localization files: each is checked against the Localization schema of the same version.
  const localization = manifest.localizationInfo ?? {};
  const languageFiles = [
    localization.defaultLanguageFile,
    ...(localization.additionalLanguages ?? []).map((language) => language.file),
  ].filter((file) => typeof file === "string");
  for (const file of languageFiles) {
    const strings = readJson(path.join(folder, file), add, file, false);
    if (strings === undefined) {
      continue;
    }
    const localizationSchema = loadSchema(
      schemaRoot,
      strings.$schema ?? `https://developer.microsoft.com/json-schemas/teams/${schema.version}/MicrosoftTeams.Localization.schema.json`,
      "MicrosoftTeams.Localization.schema.json",
    );
    if (localizationSchema.version !== schema.version) {
      add(file, `uses the ${localizationSchema.version} localization schema; the manifest uses ${schema.version}`);
    }
    validations.push(validate(appManifest, strings, localizationSchema.json, file, add));
  }

  // The icons must be in the package beside the manifest.
  for (const [kind, file] of Object.entries(manifest.icons ?? {})) {
    if (typeof file === "string" && !fs.existsSync(path.join(folder, file))) {
      add(path.basename(manifestPath), `icons.${kind}: file '${file}' is missing beside the manifest`);
    }
  }

  return Promise.all(validations).then(() => ({
    valid: errors.length === 0,
    manifestVersion: manifest.manifestVersion ?? null,
    errors,
  }));
}

// The manifest itself must be readable (else exit 2); a file it names that is missing is an error in the package.
function readJson(file, add, name, required) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    if (required || e.code !== "ENOENT") {
      throw new CannotValidate(`cannot read ${file}: ${e.message}`);
    }
    add(name, "file is missing beside the manifest");
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    add(name, `is not valid JSON: ${e.message}`);
    return undefined;
  }
}

function loadSchema(schemaRoot, url, expectedFile) {
  const match = typeof url === "string" ? SCHEMA_URL.exec(url) : null;
  if (!match || match[2].toLowerCase() !== expectedFile.toLowerCase()) {
    throw new CannotValidate(
      `$schema must be https://developer.microsoft.com/json-schemas/teams/v<version>/${expectedFile}, not ${JSON.stringify(url)}`,
    );
  }
  const version = match[1];
  const file = path.join(schemaRoot, version, expectedFile);
  if (!fs.existsSync(file)) {
    const shipped = fs.readdirSync(schemaRoot).sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    throw new CannotValidate(
      `@microsoft/app-manifest does not ship ${version}/${expectedFile}; it ships ${shipped.join(", ")}`,
    );
  }
  // The published schemas contain "\a" and "\v" escapes that JSON does not know; the package cleans them the same way.
  let raw = fs.readFileSync(file, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b");
  if (expectedFile === "MicrosoftTeams.Localization.schema.json") {
    // Every shipped Localization schema has two keys patterns with an unescaped "]" ("activityTypes\[\b(...)\b]"),
    // which the package's ajv (unicode regular expressions) refuses to compile, so it cannot validate any
    // localization file as shipped. Escaping that one bracket keeps the pattern's meaning exactly.
    raw = raw.replace(/\\\\b\]/g, "\\\\b\\\\]");
  }
  return { version, json: JSON.parse(raw) };
}

async function validate(appManifest, document, schema, name, add) {
  // Passing the schema means the package never goes to the network for it.
  const messages = await appManifest.AppManifestUtils.validateAgainstSchema(document, schema);
  for (const message of messages) {
    add(name, message.trim());
  }
}

Promise.resolve()
  .then(() => main(process.argv.slice(2)))
  .then((result) => {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    process.exitCode = result.valid ? 0 : 1;
  })
  .catch((e) => {
    const message = e instanceof CannotValidate ? e.message : `${e.stack ?? e}`;
    process.stdout.write(`${JSON.stringify({ valid: false, manifestVersion: null, errors: [{ file: null, message }] }, null, 2)}\n`);
    process.exitCode = 2;
  });
