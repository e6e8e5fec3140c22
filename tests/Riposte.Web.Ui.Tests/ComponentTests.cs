using Bunit;
using Riposte.Stix.Markings;
using Riposte.Web.Ui.Components.Shared;
using Riposte.Web.Ui.Views;

namespace Riposte.Web.Ui.Tests;

/// <summary>The small pieces every page uses, rendered with bUnit.</summary>
public sealed class ComponentTests : IDisposable
{
    private readonly BunitContext _context = new();

    [Theory]
    [InlineData(TlpLevel.Clear, "TLP:CLEAR", "tlp-clear")]
    [InlineData(TlpLevel.Green, "TLP:GREEN", "tlp-green")]
    [InlineData(TlpLevel.Amber, "TLP:AMBER", "tlp-amber")]
    [InlineData(TlpLevel.AmberStrict, "TLP:AMBER+STRICT", "tlp-amber-strict")]
    [InlineData(TlpLevel.Red, "TLP:RED", "tlp-red")]
    public void TlpBanner_EachLevel_ShowsItsLabelAndColourClass(TlpLevel level, string label, string css)
    {
        var banner = _context.Render<TlpBanner>(p => p.Add(b => b.Marking, new ShownMarking(level, Explicit: true)));

        var element = banner.Find("p.tlp");
        Assert.Contains(css, element.ClassList);
        Assert.Equal(label, element.QuerySelector("strong")!.TextContent);
        Assert.Equal("note", element.GetAttribute("role"));
        Assert.Null(element.QuerySelector(".tlp-note"));
    }

    [Fact]
    public void TlpBanner_Unmarked_SaysTheNodeDefaultApplies()
    {
        var banner = _context.Render<TlpBanner>(p => p.Add(b => b.Marking, new ShownMarking(TlpLevel.Amber, Explicit: false)));

        Assert.Contains("node default", banner.Find(".tlp-note").TextContent, StringComparison.Ordinal);
        Assert.Contains("default", banner.Find("p.tlp").GetAttribute("aria-label"), StringComparison.Ordinal);
    }

    [Fact]
    public void FieldError_FieldWithMessages_RendersAlertWithTheInputsErrorId()
    {
        var errors = new Dictionary<string, string[]> { ["lastSeen"] = ["must not be before firstSeen"] };

        var error = _context.Render<FieldError>(p => p.Add(f => f.For, "lastSeen").Add(f => f.InputId, "i-lastSeen").Add(f => f.Errors, errors));

        var p = error.Find("p.field-error");
        Assert.Equal("i-lastSeen-error", p.Id);
        Assert.Equal("alert", p.GetAttribute("role"));
        Assert.Equal("must not be before firstSeen", p.TextContent);
    }

    [Fact]
    public void FieldError_OtherFieldOnly_RendersNothing()
    {
        var errors = new Dictionary<string, string[]> { ["name"] = ["is required"] };

        var error = _context.Render<FieldError>(p => p.Add(f => f.For, "category").Add(f => f.Errors, errors));

        Assert.Empty(error.Markup.Trim());
    }

    [Fact]
    public void TechniqueCellLink_Cell_CarriesCountInTextAndKeepsFilters()
    {
        var technique = NavigatorView.Framework.FindTechnique("T0087")!;
        var cell = new TechniqueCell(technique, 3, 5, []);

        var link = _context.Render<TechniqueCellLink>(p => p.Add(c => c.Cell, cell).Add(c => c.Query, new IncidentQuery { Status = "confirmed" }).Add(c => c.Selected, "T0087"));

        var a = link.Find("a.cell");
        Assert.Contains("heat-5", a.ClassList);
        Assert.Equal("true", a.GetAttribute("aria-current"));
        Assert.Equal("navigator?status=confirmed&technique=T0087#counters", a.GetAttribute("href"));
        Assert.Contains("3 incidents", a.QuerySelector(".count")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkingField_ChosenLevel_IsSelectedWithItsBannerAndEveryLevelSaysWhoMayReceiveIt()
    {
        var field = _context.Render<MarkingField>(p => p.Add(f => f.Value, "amber+strict"));

        var select = field.Find("select#i-tlp");
        Assert.Equal("Form.Tlp", select.GetAttribute("name"));
        Assert.Equal(5, select.QuerySelectorAll("option").Length);
        Assert.Equal("amber+strict", select.QuerySelector("option[selected]")!.GetAttribute("value"));
        Assert.Contains("named recipients only", select.QuerySelector("option[value='red']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("TLP:AMBER+STRICT", field.Find("#i-tlp-banner p.tlp strong").TextContent);
        Assert.Contains("i-tlp-banner", select.GetAttribute("aria-describedby"), StringComparison.Ordinal);
    }

    [Fact]
    public void MarkingField_NoneChosen_DefaultsToAmber()
    {
        var field = _context.Render<MarkingField>();

        Assert.Equal("amber", field.Find("option[selected]").GetAttribute("value"));
        Assert.Contains("tlp-amber", field.Find("#i-tlp-banner p.tlp").ClassList);
    }

    [Fact]
    public void ErrorSummary_FieldWithoutAnInput_StillShowsItsMessage()
    {
        var errors = new Dictionary<string, string[]> { ["name"] = ["is required"], ["status"] = ["a shared assessment is not edited"] };

        var summary = _context.Render<ErrorSummary>(p => p.Add(s => s.Errors, errors).Add(s => s.What, "assessment"));

        Assert.Equal("alert", summary.Find("#error-summary").GetAttribute("role"));
        Assert.Contains("The assessment was not saved", summary.Markup, StringComparison.Ordinal);
        Assert.Contains("status: a shared assessment is not edited", summary.Find("ul").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("#i-name", summary.Find("a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 10, 0)]
    [InlineData(1, 10, 1)]
    [InlineData(5, 10, 3)]
    [InlineData(10, 10, 5)]
    [InlineData(3, 0, 0)]
    public void HeatOf_CountAgainstBusiest_GivesLevel(int count, int max, int expected) =>
        Assert.Equal(expected, NavigatorView.HeatOf(count, max));

    [Fact]
    public void Stylesheet_TlpColours_AreTheTlp2Definitions()
    {
        using var stream = typeof(UiAssets).Assembly.GetManifestResourceStream("ui/css/site.css")!;
        var css = new StreamReader(stream).ReadToEnd();

        Assert.Contains(".tlp { display: inline-block; margin: 0 .25rem .25rem 0; padding: .05rem .5rem; background: #000;", css, StringComparison.Ordinal);
        Assert.Contains(".tlp-clear { color: #ffffff; }", css, StringComparison.Ordinal);
        Assert.Contains(".tlp-green { color: #33ff00; }", css, StringComparison.Ordinal);
        Assert.Contains(".tlp-amber, .tlp-amber-strict { color: #ffc000; }", css, StringComparison.Ordinal);
        Assert.Contains(".tlp-red { color: #ff2b2b; }", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundle_NetworkScript_IsEmbeddedByTheBuild()
    {
        Assert.True(UiAssets.Exists("js/network.js"), "esbuild's output is embedded (UiBundleScripts target)");
        Assert.True(UiAssets.Exists("_framework/blazor.web.js"), "the framework script is embedded (UiEmbedFrameworkScript target)");
    }

    public void Dispose() => _context.Dispose();
}
