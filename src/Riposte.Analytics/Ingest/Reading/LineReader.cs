using System.Buffers;

namespace Riposte.Analytics.Ingest.Reading;

/// <summary>
/// Splits a stream into lines without decoding them, over one pooled buffer that grows for long lines.
/// Each yielded line (without its CR/LF) is valid until the next one is requested.
/// </summary>
internal static class LineReader
{
    private const int InitialBuffer = 1 << 20;

    public static IEnumerable<(ReadOnlyMemory<byte> Line, long Number)> Lines(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        try
        {
            int start = 0, end = 0;
            long number = 0;
            var eof = false;
            while (true)
            {
                var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    if (eof)
                    {
                        if (end > start)
                            yield return (Trim(buffer, start, end - start, ++number), number);
                        yield break;
                    }
                    if (start > 0)
                    {
                        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                        end -= start;
                        start = 0;
                    }
                    if (end == buffer.Length)
                    {
                        var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = bigger;
                    }
                    var read = stream.Read(buffer, end, buffer.Length - end);
                    if (read == 0)
                        eof = true;
                    end += read;
                    continue;
                }
                yield return (Trim(buffer, start, newline, ++number), number);
                start += newline + 1;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlyMemory<byte> Trim(byte[] buffer, int start, int length, long number)
    {
        if (length > 0 && buffer[start + length - 1] == (byte)'\r')
            length--;
        // A UTF-8 byte order mark on the first line is not part of the record.
        if (number == 1 && length >= 3 && buffer[start] == 0xEF && buffer[start + 1] == 0xBB && buffer[start + 2] == 0xBF)
        {
            start += 3;
            length -= 3;
        }
        return new ReadOnlyMemory<byte>(buffer, start, length);
    }

    /// <summary>Whether a line holds only spaces and tabs.</summary>
    public static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t"u8).IsEmpty;
}
