
namespace Gate.Publishing.Tests.Publishing;

public class SecretRedactorTests
{
    private const string Token = "ghs_16C7e42F292c6912E7710c838347Ae178B4a";

    [Fact]
    public void Redact_TokenAndItsUrlEncodedForm_AreMasked()
    {
        // Given a redactor for a token with characters URL encoding changes
        var redactor = new SecretRedactor(["ab/c+d=secret"]);

        // Then both spellings are masked
        Assert.Equal("x *** y ***", redactor.Redact("x ab/c+d=secret y ab%2Fc%2Bd%3Dsecret"));
    }

    [Fact]
    public void Redact_ShortOrEmptySecrets_AreIgnored()
    {
        // Given secrets too short to mask without mangling all text
        var redactor = new SecretRedactor(["", null, "abc"]);

        // Then text is unchanged
        Assert.Equal("abc abc", redactor.Redact("abc abc"));
    }

    [Fact]
    public void Write_SecretInPieces_IsMaskedWhole()
    {
        // Given a writer that redacts the token
        using var inner = new StringWriter();
        using (var writer = new RedactingTextWriter(inner, new SecretRedactor([Token])))
        {
            // When the token arrives in pieces, by char and by string, over two lines, with a partial last line
            writer.Write("Authorization: token ");
            writer.Write(Token[..10]);
            foreach (var c in Token[10..])
            {
                writer.Write(c);
            }
            writer.WriteLine();
            writer.WriteLine($"again {Token} and");
            writer.Write($"partial {Token}");
        }

        // Then the wrapped writer saw every line, and never the token
        Assert.Equal($"Authorization: token ***{Environment.NewLine}again *** and{Environment.NewLine}partial ***", inner.ToString());
    }

    [Fact]
    public async Task WriteLineAsync_CompleteLine_ReachesInnerWriterAtOnce()
    {
        // Given a redacting writer
        using var inner = new StringWriter();
        using var writer = new RedactingTextWriter(inner, new SecretRedactor([Token]));

        // When a line is written asynchronously (without flushing)
        await writer.WriteLineAsync($"progress {Token}");

        // Then it is already passed on, redacted
        Assert.Equal($"progress ***{Environment.NewLine}", inner.ToString());
    }
}
