using Preau.Core.Mail;

namespace Preau.Core.Tests.Mail;

public class VersionedReadsTests
{
    private static readonly MailboxChange Change = new("acc", "box", ChangeKind.Added, 1, 1);

    [Test]
    public void Get_NoChangeBetweenCalls_ReadsOnce()
    {
        var bus = new ChangeBus();
        var reads = new VersionedReads<string, int>(bus);
        var count = 0;

        Assert.That(reads.Get("box", () => ++count), Is.EqualTo(1));
        Assert.That(reads.Get("box", () => ++count), Is.EqualTo(1));
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public void Get_AfterAPublishedChange_ReadsAgain()
    {
        var bus = new ChangeBus();
        var reads = new VersionedReads<string, int>(bus);
        var count = 0;
        reads.Get("box", () => ++count);

        bus.Publish(Change);
        Assert.That(reads.Get("box", () => ++count), Is.EqualTo(2));
        bus.Touch();
        Assert.That(reads.Get("box", () => ++count), Is.EqualTo(3));
        Assert.That(reads.Get("other", () => 100), Is.EqualTo(100), "keys are separate");
    }

    [Test]
    public void Get_ListenerTold_NeverSeesAReadOlderThanTheChange()
    {
        // A listener woken by a change and reading at once must get a read begun after that change.
        var bus = new ChangeBus();
        var reads = new VersionedReads<string, int>(bus);
        var stored = 1;
        reads.Get("box", () => stored);
        int seen = 0;
        using var subscription = bus.Subscribe("acc", _ => seen = reads.Get("box", () => stored));

        stored = 2;
        bus.Publish(Change);

        Assert.That(seen, Is.EqualTo(2));
    }

    [Test]
    public void Get_ConcurrentCallers_ShareTheRunningRead()
    {
        var bus = new ChangeBus();
        var reads = new VersionedReads<string, int>(bus);
        using var started = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var count = 0;
        int Read()
        {
            Interlocked.Increment(ref count);
            started.Set();
            release.Wait();
            return 42;
        }

        var first = Task.Run(() => reads.Get("box", Read));
        started.Wait();
        var others = Enumerable.Range(0, 8).Select(_ => Task.Run(() => reads.Get("box", Read))).ToArray();
        release.Set();

        Assert.That(first.Result, Is.EqualTo(42));
        Assert.That(others.Select(t => t.Result), Is.All.EqualTo(42));
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public void Get_FailedRead_IsNotServedAgain()
    {
        var bus = new ChangeBus();
        var reads = new VersionedReads<string, int>(bus);

        Assert.That(() => reads.Get("box", () => throw new IOException("disk")), Throws.TypeOf<IOException>());
        Assert.That(reads.Get("box", () => 7), Is.EqualTo(7));
    }
}
