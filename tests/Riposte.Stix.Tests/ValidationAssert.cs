using System.Text.Json.Nodes;
using Riposte.Stix.Validation;

namespace Riposte.Stix.Tests;

internal static class ValidationAssert
{
    public static ValidationResult Validate(JsonObject json) => StixValidator.Validate(new StixObject(json));

    public static void HasError(ValidationResult result, string path)
    {
        Assert.False(result.IsValid, "expected an error at " + path + " but the object is valid");
        Assert.True(result.Errors.Any(i => i.Path == path), $"expected an error at {path}; got:\n{string.Join("\n", result.Issues)}");
    }

    public static void HasWarningOnly(ValidationResult result, string path)
    {
        Assert.True(result.IsValid, "expected no error; got:\n" + string.Join("\n", result.Issues));
        Assert.True(result.Warnings.Any(i => i.Path == path), $"expected a warning at {path}; got:\n{string.Join("\n", result.Issues)}");
    }

    public static void Clean(ValidationResult result) =>
        Assert.True(result.Issues.Count == 0, "expected no issue; got:\n" + string.Join("\n", result.Issues));
}
