namespace DisclosurePortal.Core.Tables;

/// <summary>
/// Passes text through and stops at the first line longer than a limit. A CSV parser keeps a whole line in
/// its buffer, so without this one line without line breaks (a binary dump, a 50 MB blob) would fill memory.
/// </summary>
internal sealed class LineLengthGuard(TextReader inner, int maxLineLength) : TextReader
{
    private static readonly char[] LineBreaks = ['\r', '\n'];

    private long line = 1;
    private int lineLength;
    private bool afterCarriageReturn;

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Check(buffer[..read]);
        return read;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read()
    {
        Span<char> one = stackalloc char[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Peek() => inner.Peek();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Check(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var breakAt = text.IndexOfAny(LineBreaks);
            var segment = breakAt < 0 ? text.Length : breakAt;
            if (lineLength + segment > maxLineLength)
            {
                throw new LineTooLongException(line, maxLineLength);
            }

            if (breakAt < 0)
            {
                lineLength += segment;
                afterCarriageReturn = false;
                return;
            }

            // \r\n is one break; a lone \r (old Mac exports) or \n is one too.
            if (!(text[breakAt] == '\n' && breakAt == 0 && afterCarriageReturn))
            {
                line++;
            }

            afterCarriageReturn = text[breakAt] == '\r';
            lineLength = 0;
            text = text[(breakAt + 1)..];
        }
    }
}

/// <summary>A line of text went past <see cref="LineLengthGuard"/>'s limit; <see cref="Line"/> is 1-based.</summary>
internal sealed class LineTooLongException(long line, int limit)
    : Exception($"Line {line:N0} is longer than {limit:N0} characters.")
{
    public long Line { get; } = line;
}
