using SkiaSharp;
using Svg.Skia.TypefaceProviders;

namespace Riposte.Reports.Charts;

/// <summary>
/// The typeface PNG charts are drawn with: DejaVu Sans carried in the assembly (licence in
/// Charts/Fonts), so a PNG has its text whatever fonts the machine has, and the same pixels everywhere.
/// </summary>
internal sealed class EmbeddedFonts : ITypefaceProvider
{
    public static readonly EmbeddedFonts Instance = new();

    private readonly SKTypeface _regular = Load("DejaVuSans.ttf");
    private readonly SKTypeface _bold = Load("DejaVuSans-Bold.ttf");

    public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
        fontWeight >= SKFontStyleWeight.SemiBold ? _bold : _regular;

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(EmbeddedFonts).Assembly.GetManifestResourceStream("Riposte.Reports.Fonts." + file)
            ?? throw new InvalidOperationException($"font {file} is missing from the build");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"font {file} could not be read");
    }
}
