using System.Diagnostics;
using System.IO.Pipelines;
using Preau.Imap.Protocol.Writing;

namespace Preau.Imap.Protocol.Tests.Writing;

public class FetchWritePerformanceTests
{
    [Test]
    public async Task BeginFetch_TenThousandMessagesThroughAPipe_AllWritten()
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var flags = new[] { "\\Seen", "$Forwarded" };
        var date = new DateTimeOffset(2025, 9, 1, 8, 0, 0, TimeSpan.FromHours(2));
        var drain = Task.Run(async () =>
        {
            long total = 0;
            while (true)
            {
                var read = await pipe.Reader.ReadAsync();
                total += read.Buffer.Length;
                pipe.Reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return total;
                }
            }
        });

        var writer = new ImapWriter(pipe.Writer);
        WriteFetches(writer, 1, flags, date); // JIT warm-up, so the clock measures the writing itself.
        var clock = Stopwatch.StartNew();
        for (uint i = 1; i <= 10_000; i++)
        {
            WriteFetches(writer, i, flags, date);
            if (pipe.Writer.UnflushedBytes > 64 * 1024)
            {
                await pipe.Writer.FlushAsync();
            }
        }

        await pipe.Writer.CompleteAsync();
        var bytes = await drain;
        clock.Stop();

        TestContext.Out.WriteLine($"{bytes} octets in {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.That(bytes, Is.GreaterThan(1_000_000));
    }

    private static void WriteFetches(ImapWriter writer, uint i, string[] flags, DateTimeOffset date) =>
        writer.BeginFetch(i).Atom("UID"u8).Number(i + 1000).Atom("FLAGS"u8).FlagList(flags)
            .Atom("RFC822.SIZE"u8).Number(4096u + i).Atom("INTERNALDATE"u8).DateTime(date)
            .Atom("ENVELOPE"u8).BeginList().String("Tue, 1 Sep 2025 08:00:00 +0200").String("Devoirs de maths")
            .NString(null).EndList().EndFetch();
}
