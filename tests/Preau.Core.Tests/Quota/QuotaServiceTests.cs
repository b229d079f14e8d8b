using Preau.Core.Accounts;
using Preau.Core.Mail;
using Preau.Core.Quota;
using Preau.Core.Storage;

namespace Preau.Core.Tests.Quota;

public class QuotaServiceTests
{
    private static readonly QuotaOptions Options = new() { Eleve = "10K", Responsable = "200M", Enseignant = "1G", Personnel = "unlimited", AdministrateurEnt = "0" };

    [Test]
    public void LimitOf_ProfileDefault_UnlessTheAccountHasItsOwn()
    {
        var quotas = new QuotaService(Options, new Usage());
        var pupil = TinySchool.Get("eleve.6a");

        Assert.That(quotas.LimitOf(pupil), Is.EqualTo(10 * 1024));
        Assert.That(quotas.LimitOf(pupil with { QuotaBytes = 5_000 }), Is.EqualTo(5_000));
        Assert.That(quotas.LimitOf(pupil with { QuotaBytes = 0 }), Is.Null, "0: no limit for this account");
        Assert.That(quotas.LimitOf(TinySchool.Make("x", Profile.Personnel)), Is.Null);
        Assert.That(quotas.LimitOf(TinySchool.Make("y", Profile.AdministrateurEnt)), Is.Null);
        Assert.That(quotas.DefaultFor(Profile.Enseignant), Is.EqualTo(1L << 30));
    }

    [Test]
    public void DefaultOptions_SchoolDefaults()
    {
        var quotas = new QuotaService(new QuotaOptions(), new Usage());

        Assert.That(quotas.DefaultFor(Profile.Eleve), Is.EqualTo(200L << 20));
        Assert.That(quotas.DefaultFor(Profile.Responsable), Is.EqualTo(200L << 20));
        Assert.That(quotas.DefaultFor(Profile.Enseignant), Is.EqualTo(1L << 30));
        Assert.That(quotas.DefaultFor(Profile.Personnel), Is.EqualTo(1L << 30));
        Assert.That(quotas.DefaultFor(Profile.AdministrateurEnt), Is.EqualTo(1L << 30));
        Assert.That(quotas.WarningPercent, Is.EqualTo(90));
    }

    [Test]
    public void Constructor_BadSize_NamesTheKey()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => _ = new QuotaService(new QuotaOptions { Responsable = "beaucoup" }, new Usage()));
        Assert.That(ex!.Message, Does.StartWith("Mail:Quota:Responsable: 'beaucoup' is not a size"));
        Assert.That(() => new QuotaService(new QuotaOptions { WarningPercent = 120 }, new Usage()), Throws.InvalidOperationException);
    }

    [Test]
    public void CheckRecipient_FullOrTooFullForTheAnnouncedSize_452_4_2_2()
    {
        var usage = new Usage();
        var quotas = new QuotaService(Options, usage);
        var pupil = TinySchool.Get("eleve.6a");
        usage.Bytes = 9 * 1024;

        Assert.That(quotas.CheckRecipient(pupil, "eleve.6a@ecole.test", 0), Is.Null, "room for a message of unknown size");
        Assert.That(quotas.CheckRecipient(pupil, "eleve.6a@ecole.test", 1024), Is.Null, "exactly fits");
        var tooBig = quotas.CheckRecipient(pupil, "eleve.6a@ecole.test", 1025);
        Assert.That(tooBig?.ToString(), Is.EqualTo("452 4.2.2 boîte aux lettres de eleve.6a@ecole.test trop pleine : il reste 1 Ko pour un message de 1 Ko (mailbox full)"));

        usage.Bytes = 10 * 1024;
        Assert.That(quotas.CheckRecipient(pupil, "eleve.6a@ecole.test", 0)?.ToString(),
            Is.EqualTo("452 4.2.2 boîte aux lettres pleine : eleve.6a@ecole.test a atteint son quota de 10 Ko (mailbox full)"));
        Assert.That(quotas.CheckRecipient(TinySchool.Make("x", Profile.Personnel), "x@ecole.test", long.MaxValue / 4), Is.Null, "no limit");
    }

    [TestCase(8_000, 9_000, false)]
    [TestCase(8_000, 9_216, true)]
    [TestCase(9_215, 9_216, true)]
    [TestCase(1_000, 12_000, true)]
    [TestCase(9_216, 9_500, false)]
    [TestCase(9_500, 12_000, false)]
    public void CrossedWarning_OnlyTheWriteThatCrossesNinetyPercent(long before, long after, bool expected)
    {
        // 90 % of 10 Kio is 9,216 octets.
        var quotas = new QuotaService(Options, new Usage());

        Assert.That(quotas.CrossedWarning(10 * 1024, before, after), Is.EqualTo(expected));
        Assert.That(new QuotaService(new QuotaOptions { WarningPercent = 0 }, new Usage()).CrossedWarning(10 * 1024, before, after), Is.False, "0 turns it off");
    }

    /// <summary>A store that only knows one usage figure.</summary>
    private sealed class Usage : IMailboxStore
    {
        public long Bytes { get; set; }

        public QuotaUsage GetUsage(string accountId) => new(Bytes, 1);

        public long UsedBytes(string accountId) => Bytes;

        public Mailbox? FindMailbox(string accountId, string name) => throw new NotSupportedException();

        public Mailbox? GetMailbox(string mailboxId) => throw new NotSupportedException();

        public uint ClaimRecent(string mailboxId, uint upTo) => throw new NotSupportedException();

        public Mailbox CreateMailbox(string accountId, string name) => throw new NotSupportedException();

        public void DeleteMailbox(string accountId, string name) => throw new NotSupportedException();

        public void RenameMailbox(string accountId, string oldName, string newName) => throw new NotSupportedException();

        public void SetSubscribed(string accountId, string name, bool subscribed) => throw new NotSupportedException();

        public IReadOnlyList<string> GetSubscriptions(string accountId) => throw new NotSupportedException();

        public FlagUpdateResult UpdateFlags(string mailboxId, IReadOnlyCollection<uint> uids, FlagUpdate update) => throw new NotSupportedException();

        public ExpungeResult Expunge(string mailboxId, IReadOnlyCollection<uint>? onlyUids) => throw new NotSupportedException();

        public CopyResult Copy(string sourceMailboxId, IReadOnlyCollection<uint> uids, string targetMailboxId, bool move, long? quotaBytes = null) => throw new NotSupportedException();

        public IReadOnlyList<ExpungedEntry> GetExpungedSince(string mailboxId, ulong modSeq) => throw new NotSupportedException();
    }
}
