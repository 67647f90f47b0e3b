import { describe, expect, it } from "vitest";
import { countErrors, errorPaths, firstSectionWithError, sectionErrorCounts } from "./sections";

const err = (message: string) => ({ message, type: "custom", ref: { name: "x" } });

describe("wizard sections and errors", () => {
  const errors = {
    name: err("Name the endpoint"),
    scaling: { maxReplicas: err("Max ≥ min"), target: { metricName: err("Name the metric") } },
    environment: { envVars: [undefined, { key: err("Use capitals") }], secrets: { root: err("At most 50") } },
  };

  it("counts every leaf error, inside objects and arrays, ignoring refs", () => {
    expect(countErrors(errors.scaling)).toBe(2);
    expect(countErrors(errors.environment)).toBe(2);
    expect(countErrors(undefined)).toBe(0);
    expect(countErrors(err("one"))).toBe(1);
  });

  it("maps errors to their sections; the endpoint name is not in any", () => {
    expect(sectionErrorCounts(errors)).toEqual({ model: 0, hardware: 0, scaling: 2, environment: 2, security: 0 });
  });

  it("finds the first section with an error in page order", () => {
    expect(firstSectionWithError(errors)).toBe("scaling");
    expect(firstSectionWithError({ security: { privateEndpoint: err("x") }, modelId: err("y") })).toBe("model");
    expect(firstSectionWithError({ name: err("x") })).toBeNull();
  });

  it("lists error paths as dotted field names", () => {
    expect(errorPaths(errors)).toEqual([
      "name",
      "scaling.maxReplicas",
      "scaling.target.metricName",
      "environment.envVars.1.key",
      "environment.secrets",
    ]);
  });
});
