using System.Buffers;

namespace Riposte.Stix.Json;

/// <summary>
/// Removes insignificant whitespace from JSON that is already known to be valid, keeping every token's
/// text (escapes included) exactly as written — cheaper and more faithful than parse-and-reserialise.
/// </summary>
internal static class JsonMinifier
{
    public static byte[] Minify(ReadOnlySpan<byte> validJson)
    {
        if (validJson.IndexOfAny(Whitespace) < 0)
            return validJson.ToArray();

        var output = ArrayPool<byte>.Shared.Rent(validJson.Length);
        try
        {
            var length = 0;
            var inString = false;
            for (var i = 0; i < validJson.Length; i++)
            {
                var b = validJson[i];
                if (inString)
                {
                    output[length++] = b;
                    if (b == (byte)'\\')
                        output[length++] = validJson[++i];
                    else if (b == (byte)'"')
                        inString = false;
                }
                else if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    output[length++] = b;
                    inString = b == (byte)'"';
                }
            }
            return output.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
}
