using System.Text;

namespace Gate.Publishing;

/// <summary>
/// A writer that redacts secrets before they reach the writer it wraps. Text is held until a line ends
/// (<c>\n</c> or <c>\r</c>) or the writer is flushed, so a secret written in pieces is still found whole.
/// Disposing flushes but leaves the wrapped writer open: its owner closes it.
/// </summary>
public sealed class RedactingTextWriter(TextWriter inner, SecretRedactor redactor) : TextWriter(inner.FormatProvider)
{
    private readonly StringBuilder _pending = new();

    /// <inheritdoc />
    public override Encoding Encoding => inner.Encoding;

    /// <inheritdoc />
    public override void Write(char value)
    {
        _pending.Append(value);
        if (value is '\n' or '\r')
        {
            Emit();
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }
        _pending.Append(value);
        if (value.AsSpan().IndexOfAny('\n', '\r') >= 0)
        {
            Emit();
        }
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    /// <inheritdoc />
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync()
    {
        WriteLine();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override void Flush()
    {
        if (_pending.Length > 0)
        {
            inner.Write(redactor.Redact(_pending.ToString()));
            _pending.Clear();
        }
        inner.Flush();
    }

    /// <inheritdoc />
    public override Task FlushAsync()
    {
        Flush();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }
        base.Dispose(disposing);
    }

    /// <summary>Writes the complete lines held so far; keeps a trailing partial line.</summary>
    private void Emit()
    {
        var text = _pending.ToString();
        var end = text.AsSpan().LastIndexOfAny('\n', '\r') + 1;
        inner.Write(redactor.Redact(text[..end]));
        _pending.Remove(0, end);
    }
}
