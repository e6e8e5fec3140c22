using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Riposte.Taxii.Tests;

public sealed class TaxiiOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new TaxiiOptionsValidator().Validate(null, new TaxiiOptions()).Succeeded);

    [Theory]
    [InlineData("DiscoveryPath", "taxii2")]
    [InlineData("ApiRootPath", "/taxii2/riposte")]
    [InlineData("ApiRootPath", "/taxii2/")]
    [InlineData("MaxContentLength", "10")]
    [InlineData("MaxPageSize", "0")]
    [InlineData("NextTokenKey", "c2hvcnQ=")]
    [InlineData("NextTokenKey", "not base64!")]
    [InlineData("Title", " ")]
    public void Validate_BadSetting_FailsNamingIt(string setting, string value)
    {
        var options = new TaxiiOptions();
        var property = typeof(TaxiiOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(string) ? value : Convert.ChangeType(value, property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        var result = new TaxiiOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Riposte:Taxii:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_InvalidOptions_HostRefusesToStart()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddRiposteTaxii(o => o.MaxPageSize = -5);
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("MaxPageSize", error.Message, StringComparison.Ordinal);
    }
}
