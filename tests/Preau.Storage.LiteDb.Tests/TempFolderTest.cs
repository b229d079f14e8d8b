using Preau.Core.Mail;

namespace Preau.Storage.LiteDb.Tests;

/// <summary>Gives every test a fresh data folder and deletes it afterwards.</summary>
public abstract class TempFolderTest
{
    protected string DataDir { get; private set; } = "";

    [SetUp]
    public void CreateDataFolder()
    {
        DataDir = Path.Combine(Path.GetTempPath(), "preau-litedb-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDir);
    }

    [TearDown]
    public void DeleteDataFolder()
    {
        if (Directory.Exists(DataDir))
        {
            Directory.Delete(DataDir, recursive: true);
        }
    }

    protected static readonly DateTimeOffset T0 = new(2025, 9, 1, 8, 30, 0, TimeSpan.FromHours(2));

    protected static MessageSummary Summary(string subject = "Sortie au musée") =>
        new(subject, "Mme Martin <martin@college.fr>", "6A <6a@college.fr>", T0, "<abc@college.fr>", false);

    protected static string FakeHash(int n) => n.ToString("x64", System.Globalization.CultureInfo.InvariantCulture);

    protected static DeliveryBatch Batch(string hash, params LocalDelivery[] local) =>
        new(hash, 1234, T0, Summary(), local, null, []);

    protected static DeliveryBatch ToInbox(string hash, params string[] accounts) =>
        Batch(hash, [.. accounts.Select(a => new LocalDelivery(a, DefaultMailboxes.Inbox))]);
}
