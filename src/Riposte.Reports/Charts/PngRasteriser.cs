using SkiaSharp;
using Svg.Skia;

namespace Riposte.Reports.Charts;

/// <summary>SVG → PNG with Svg.Skia, at twice the SVG's size so the picture stays sharp in documents.</summary>
public static class PngRasteriser
{
    public static byte[] Render(string svg, float scale = 2f)
    {
        using var picture = new SKSvg();
        picture.Settings.TypefaceProviders = [EmbeddedFonts.Instance];
        using var input = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(svg));
        var loaded = picture.Load(input) ?? throw new InvalidOperationException("the chart SVG could not be read for PNG output");
        var bounds = loaded.CullRect;
        var info = new SKImageInfo((int)Math.Ceiling(bounds.Width * scale), (int)Math.Ceiling(bounds.Height * scale));
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        surface.Canvas.DrawPicture(loaded);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
