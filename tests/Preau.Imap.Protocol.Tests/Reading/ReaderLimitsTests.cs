using System.Text;
using Preau.Imap.Protocol.Reading;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Reading;

public class ReaderLimitsTests
{
    [Test]
    public async Task ReadCommandAsync_OneMegabyteLine_IsBadAndTheConnectionGoesOn()
    {
        var wire = "a1 SEARCH " + new string('x', 1024 * 1024) + "\r\na2 NOOP\r\n";

        var results = await Wire.ReadAllAsync(wire);

        Assert.That(results[0].Error!.Kind, Is.EqualTo(ImapErrorKind.Bad));
        Assert.That(results[0].Error!.Tag, Is.EqualTo("a1"));
        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("LIMIT"));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_HugeLineArrivingAtOnce_IsBadWithoutCopyingIt()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 X " + new string('w', 3_000_000) + "\r\na2 NOOP\r\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var first = await reader.ReadCommandAsync();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        var second = await reader.ReadCommandAsync();

        Assert.That(first.Error!.Tag, Is.EqualTo("a1"));
        Assert.That(second.Command!.Tag, Is.EqualTo("a2"));
        Assert.That(allocated, Is.LessThan(100_000));
    }

    [Test]
    public async Task ReadCommandAsync_LineJustOverTheLimitInOneRead_IsBad()
    {
        var limits = new ImapReaderLimits { MaxLineLength = 100 };

        var results = await Wire.ReadAllAsync("a1 X " + new string('y', 100) + "\r\na2 NOOP\r\n", limits);

        Assert.That(results[0].Error!.Message, Does.Contain("longer than 100"));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_EndlessLine_IsFatal()
    {
        var limits = new ImapReaderLimits { MaxLineLength = 1000, MaxDiscardedLineLength = 10_000 };

        var results = await Wire.ReadAllAsync("a1 X " + new string('z', 50_000), limits);

        Assert.That(results.Single().Error!.IsFatal, Is.True);
    }

    [Test]
    public async Task ReadCommandAsync_TwoGigabyteSynchronizingAppend_IsNoTooBigWithoutReading()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 APPEND INBOX {2147483648}\r\na2 NOOP\r\n");

        var first = await reader.ReadCommandAsync();
        var second = await reader.ReadCommandAsync();

        Assert.That(first.Error!.Kind, Is.EqualTo(ImapErrorKind.No));
        Assert.That(first.Error!.Tag, Is.EqualTo("a1"));
        Assert.That(first.Error!.Code!.Name, Is.EqualTo("TOOBIG"));
        Assert.That(second.Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_TwoGigabyteNonSynchronizingLiteral_IsFatal()
    {
        var results = await Wire.ReadAllAsync("a1 APPEND INBOX {2147483648+}\r\nFrom: x\r\n");

        Assert.That(results.Single().Error!.IsFatal, Is.True);
    }

    [Test]
    public async Task ReadCommandAsync_AfterFatal_KeepsReportingFatal()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 APPEND INBOX {2147483648+}\r\n");
        await reader.ReadCommandAsync();

        var again = await reader.ReadCommandAsync();

        Assert.That(again.Error!.IsFatal, Is.True);
    }

    [Test]
    public async Task ReadCommandAsync_BigSynchronizingLiteralOutsideAppend_IsBadTooBig()
    {
        var results = await Wire.ReadAllAsync("a1 LOGIN {2000000}\r\na2 NOOP\r\n");

        Assert.That(results[0].Error!.Kind, Is.EqualTo(ImapErrorKind.Bad));
        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("TOOBIG"));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_BigNonSynchronizingLiteralOutsideAppend_IsSkippedThenBad()
    {
        var password = new string('p', 2_000_000);
        // The literal holds what looks like a command: it must be skipped, never executed.
        var wire = $"a1 LOGIN {{{password.Length + 11}+}}\r\n\r\na3 LOGOUT\r\n{password} rest\r\na2 NOOP\r\n";

        var results = await Wire.ReadAllAsync(wire);

        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("TOOBIG"));
        Assert.That(results.Skip(1).Select(r => r.Command!.Tag), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task ReadCommandAsync_LiteralMinusOver4096_IsSkippedAndBadTooBig()
    {
        var limits = new ImapReaderLimits { MaxNonSynchronizingLiteralSize = 4096 };
        var body = new string('b', 5000);

        var results = await Wire.ReadAllAsync($"a1 APPEND INBOX {{5000+}}\r\n{body}\r\na2 NOOP\r\n", limits);

        Assert.That(results[0].Error!.Message, Does.Contain("4096"));
        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("TOOBIG"));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_LiteralMinusSynchronizingOver4096_IsAccepted()
    {
        var limits = new ImapReaderLimits { MaxNonSynchronizingLiteralSize = 4096 };

        var results = await Wire.ReadAllAsync($"a1 APPEND INBOX {{5000}}\r\n{new string('b', 5000)}\r\n", limits);

        Assert.That(results.Select(r => r.Status), Is.EqualTo(new[] { ImapReadStatus.ContinuationRequired, ImapReadStatus.Command }));
    }

    [Test]
    public async Task ReadCommandAsync_TotalLiteralsOverCommandLimit_IsRefused()
    {
        var limits = new ImapReaderLimits { MaxLiteralSize = 100, MaxCommandLiteralSize = 150 };
        var body = new string('m', 100);

        var results = await Wire.ReadAllAsync($"a1 APPEND INBOX {{100+}}\r\n{body} {{100}}\r\na2 NOOP\r\n", limits);

        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("TOOBIG"));
        Assert.That(results[1].Command!.Tag, Is.EqualTo("a2"));
    }

    [TestCase("{5-}")]
    [TestCase("{abc}")]
    [TestCase("{99999999999999999999}")]
    [TestCase("{12x+}")]
    public async Task ReadCommandAsync_MalformedLiteralSize_IsFatal(string literal)
    {
        var results = await Wire.ReadAllAsync($"a1 LOGIN {literal}\r\nhello\r\n");

        Assert.That(results.Single().Error!.IsFatal, Is.True);
    }

    [Test]
    public async Task ReadCommandAsync_ErrorEarlierInLineWithNonSyncLiteral_SkipsTheLiteral()
    {
        var results = await Wire.ReadAllAsync("a1 X \"open {9+}\r\na3 LOGOUT\r\na2 NOOP\r\n");

        Assert.That(results[0].Error!.Message, Is.EqualTo("Unterminated quoted string"));
        Assert.That(results.Skip(1).Select(r => r.Command!.Tag), Is.EqualTo(new[] { "a2" }));
    }

    [Test]
    public async Task ReadCommandAsync_OverlongLineEndingWithNonSyncLiteral_SkipsTheLiteral()
    {
        var limits = new ImapReaderLimits { MaxLineLength = 50 };
        var wire = "a1 X " + new string('q', 200) + " {9+}\r\na3 LOGOUT\r\na2 NOOP\r\n";

        var results = await Wire.ReadAllAsync(wire, limits);

        Assert.That(results.Select(r => r.Command?.Tag ?? "error"), Is.EqualTo(new[] { "error", "a2" }));
    }

    [Test]
    public async Task ReadCommandAsync_CommandTextSummedAcrossLiterals_IsLimited()
    {
        var limits = new ImapReaderLimits { MaxLineLength = 60 };
        var wire = new StringBuilder("a1 X");
        for (var i = 0; i < 20; i++)
        {
            wire.Append(" {1+}\r\nx");
        }

        var results = await Wire.ReadAllAsync(wire.Append("\r\na2 NOOP\r\n").ToString(), limits);

        Assert.That(results[0].Error!.Code!.Name, Is.EqualTo("LIMIT"));
        Assert.That(results[^1].Command!.Tag, Is.EqualTo("a2"));
    }

    [Test]
    public async Task ReadCommandAsync_LargeAnnouncedLiteralNotYetSent_AllocatesLittle()
    {
        var (reader, input) = Wire.Piped();
        await input.SendAsync("a1 APPEND INBOX {60000000+}\r\nFrom: a\r\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var read = reader.ReadCommandAsync().AsTask();
        await Task.Delay(20);

        Assert.That(read.IsCompleted, Is.False);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(1_000_000));
    }

    [Test]
    public async Task ReadLineAsync_Done_ReturnsTheLine()
    {
        var reader = new ImapCommandReader(new MemoryStream(Encoding.ASCII.GetBytes("DONE\r\na1 NOOP\r\n")));

        var line = await reader.ReadLineAsync();
        var next = await reader.ReadCommandAsync();

        Assert.That(line, Is.EqualTo("DONE"));
        Assert.That(next.Command!.Name, Is.EqualTo("NOOP"));
    }

    [Test]
    public async Task ReadLineAsync_TooLong_ThrowsProtocolException()
    {
        var limits = new ImapReaderLimits { MaxLineLength = 10 };
        var reader = new ImapCommandReader(new MemoryStream(Encoding.ASCII.GetBytes(new string('A', 100) + "\r\n")), limits);

        var error = await Assert.ThrowsAsync<ImapProtocolException>(async () => await reader.ReadLineAsync());

        Assert.That(error!.Error.IsFatal, Is.True);
    }

    [Test]
    public async Task ReadLineAsync_EndOfStream_ReturnsNull()
    {
        var reader = new ImapCommandReader(new MemoryStream([]));

        Assert.That(await reader.ReadLineAsync(), Is.Null);
    }
}
