using Preau.Imap.Content;

namespace Preau.Imap.Tests.Content;

public class BaseSubjectTests
{
    [TestCase("Réunion", "Réunion", false)]
    [TestCase("Re: Réunion", "Réunion", true)]
    [TestCase("RE: re: Fw: FWD: Réunion", "Réunion", true)]
    [TestCase("Re[2]: Réunion", "Réunion", true)]
    [TestCase("Re [2] : Réunion", "Réunion", true)]
    [TestCase("[4B] Re: Réunion", "Réunion", true)]
    [TestCase("Re: [4B] Réunion", "Réunion", true)]
    [TestCase("[4B] [parents] Réunion", "Réunion", false)]
    [TestCase("[4B]", "[4B]", false)]
    [TestCase("Re: [4B]", "[4B]", true)]
    [TestCase("Réunion (fwd)", "Réunion", true)]
    [TestCase("Réunion (FWD) (fwd)  ", "Réunion", true)]
    [TestCase("[Fwd: Réunion]", "Réunion", true)]
    [TestCase("Re: [fwd: Re: Réunion (fwd)]", "Réunion", true)]
    [TestCase("[fwd: [fwd: Réunion]]", "Réunion", true)]
    [TestCase("  Réunion \t des   parents ", "Réunion des parents", false)]
    [TestCase("Re:Réunion", "Réunion", true)]
    [TestCase("Return of the grades", "Return of the grades", false)]
    [TestCase("Fwd Réunion", "Fwd Réunion", false)]
    [TestCase("Réf: Réunion", "Réf: Réunion", false)]
    [TestCase("Re:", "", true)]
    [TestCase("", "", false)]
    [TestCase("(fwd)", "", true)]
    [TestCase("[a][b]", "[b]", false)]
    [TestCase("Re: [a] Fwd: x", "x", true)]
    public void Extract_Rfc5256Rules(string subject, string expected, bool isReply)
    {
        Assert.That(BaseSubject.Extract(subject, out var reply), Is.EqualTo(expected));
        Assert.That(reply, Is.EqualTo(isReply));
    }

    [Test]
    public void Extract_EncodedWordsAndFolding_AreDecodedFirst() =>
        Assert.That(BaseSubject.Extract("=?utf-8?q?Re=3A_R=C3=A9union?=\r\n\t=?utf-8?q?_des_parents?="),
            Is.EqualTo("Réunion des parents"));

    [Test]
    public void Extract_EncodedPrefix_IsRemovedAfterDecoding() =>
        Assert.That(BaseSubject.Extract("=?iso-8859-1?q?Fwd=3A_Sortie_=E0_Lyon?="), Is.EqualTo("Sortie à Lyon"));
}
