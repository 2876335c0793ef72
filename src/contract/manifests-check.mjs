// Checks every Kubernetes object in deploy/kubernetes against the Kubernetes schemas (kubernetes-models, and
// CloudNativePG's for its Cluster), so a typo in
// a manifest fails CI instead of a rollout. Kustomizations and strategic-merge patches are partial by design and are
// checked by what they reference: the patch's target must be an object of the base. Run by .ci/run.
import { readdirSync, readFileSync, statSync } from "node:fs";
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

const objects = [];
let checked = 0;
for (const file of files) {
  for (const doc of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (doc.errors.length > 0) throw new Error(`${relative(root, file)}: ${doc.errors[0].message}`);
    const object = doc.toJS();
    if (!object) continue;
    if (object.kind === "Kustomization") continue;
    if (file.endsWith("-patch.yaml")) { objects.push({ file, object, patch: true }); continue; }
    const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
    // Kubernetes' own kinds from kubernetes-models; CloudNativePG's Cluster from its models, generated from its CRDs.
    const models = group === "postgresql.cnpg.io" ? "@kubernetes-models/cloudnative-pg" : "kubernetes-models";
    const module = `${models}/${group ? `${group}/${version}` : version}/${object.kind}`;
    const { [object.kind]: Model } = await import(module);
    try {
      new Model(object).validate();
    } catch (e) {
      throw new Error(`${relative(root, file)}: ${object.kind} ${object.metadata?.name} does not match the schema: ${e.message}`);
    }
    objects.push({ file, object, patch: false });
    checked++;
  }
}
for (const { file, object } of objects.filter((o) => o.patch)) {
  const target = objects.find((o) => !o.patch && o.object.kind === object.kind && o.object.metadata.name === object.metadata.name);
  if (!target) throw new Error(`${relative(root, file)}: patches ${object.kind} ${object.metadata.name}, which the base does not have`);
}
console.log(`kubernetes-models validated ${checked} objects in ${relative(process.cwd(), root) || root}; every patch has its target`);
