using Preau.Imap.Protocol.Commands;
using Preau.Imap.Protocol.Fetch;
using Preau.Imap.Protocol.Syntax;
using Preau.Imap.Protocol.Tests.Support;

namespace Preau.Imap.Protocol.Tests.Commands;

public class FetchCommandTests
{
    [TestCase("ALL", FetchAttributes.All)]
    [TestCase("fast", FetchAttributes.Fast)]
    [TestCase("FULL", FetchAttributes.Full)]
    [TestCase("FLAGS", FetchAttributes.Flags)]
    [TestCase("(UID RFC822.SIZE INTERNALDATE ENVELOPE)", FetchAttributes.Uid | FetchAttributes.Rfc822Size | FetchAttributes.InternalDate | FetchAttributes.Envelope)]
    [TestCase("(BODY BODYSTRUCTURE MODSEQ)", FetchAttributes.Body | FetchAttributes.BodyStructure | FetchAttributes.ModSeq)]
    [TestCase("(RFC822 RFC822.HEADER RFC822.TEXT)", FetchAttributes.Rfc822 | FetchAttributes.Rfc822Header | FetchAttributes.Rfc822Text)]
    public void Parse_SimpleItems_GivesAttributes(string items, FetchAttributes expected)
    {
        var command = Wire.Parse<FetchCommand>($"a1 FETCH 1:* {items}");

        Assert.That(command.Items.Attributes, Is.EqualTo(expected));
        Assert.That(command.Items.Sections, Is.Empty);
        Assert.That(command.Set, Is.EqualTo(SequenceSet.All));
    }

    [Test]
    public void Parse_UidFetch_IsByUid()
    {
        var command = Wire.Parse<FetchCommand>("a1 UID FETCH 100:200 (FLAGS)");

        Assert.That(command.ByUid, Is.True);
        Assert.That(command.Name, Is.EqualTo("UID FETCH"));
        Assert.That(command.Modifiers, Is.EqualTo(FetchModifiers.None));
    }

    [TestCase("BODY[]", FetchSectionKind.Body, false, "BODY[]")]
    [TestCase("BODY.PEEK[]", FetchSectionKind.Body, true, "BODY[]")]
    [TestCase("body.peek[header]", FetchSectionKind.Body, true, "BODY[HEADER]")]
    [TestCase("BODY[TEXT]", FetchSectionKind.Body, false, "BODY[TEXT]")]
    [TestCase("BODY[1.2.3]", FetchSectionKind.Body, false, "BODY[1.2.3]")]
    [TestCase("BODY[1.MIME]", FetchSectionKind.Body, false, "BODY[1.MIME]")]
    [TestCase("BODY[4.2.HEADER]", FetchSectionKind.Body, false, "BODY[4.2.HEADER]")]
    [TestCase("BODY[3.TEXT]", FetchSectionKind.Body, false, "BODY[3.TEXT]")]
    [TestCase("BINARY[1]", FetchSectionKind.Binary, false, "BINARY[1]")]
    [TestCase("BINARY.PEEK[]", FetchSectionKind.Binary, true, "BINARY[]")]
    [TestCase("BINARY.SIZE[2]", FetchSectionKind.BinarySize, true, "BINARY.SIZE[2]")]
    public void Parse_SectionedItem_GivesSectionAndLabel(string item, FetchSectionKind kind, bool peek, string label)
    {
        var section = Wire.Parse<FetchCommand>($"a1 FETCH 1 {item}").Items.Sections.Single();

        Assert.That(section.Kind, Is.EqualTo(kind));
        Assert.That(section.Peek, Is.EqualTo(peek));
        Assert.That(section.ResponseLabel, Is.EqualTo(label));
    }

    [Test]
    public void Parse_HeaderFields_ReadsFieldsAndPartial()
    {
        var command = Wire.Parse<FetchCommand>("a1 FETCH 1:3 (UID BODY.PEEK[HEADER.FIELDS (From To \"Subject\")]<0.2048> FLAGS)");

        var section = command.Items.Sections.Single();
        Assert.That(section.Section, Is.EqualTo(new BodySection([], SectionText.HeaderFields, ["From", "To", "Subject"])));
        Assert.That(section.Partial, Is.EqualTo(new FetchPartial(0, 2048)));
        Assert.That(section.ResponseLabel, Is.EqualTo("BODY[HEADER.FIELDS (FROM TO SUBJECT)]<0>"));
        Assert.That(command.Items.Attributes, Is.EqualTo(FetchAttributes.Uid | FetchAttributes.Flags));
        Assert.That(command.Items.SetsSeen, Is.False);
    }

    [Test]
    public void Parse_HeaderFieldsNotOfPart_IsRead()
    {
        var section = Wire.Parse<FetchCommand>("a1 FETCH 1 BODY[1.2.HEADER.FIELDS.NOT (Received)]").Items.Sections.Single();

        Assert.That(section.Section.Part, Is.EqualTo(new uint[] { 1, 2 }));
        Assert.That(section.Section.Text, Is.EqualTo(SectionText.HeaderFieldsNot));
        Assert.That(section.ResponseLabel, Is.EqualTo("BODY[1.2.HEADER.FIELDS.NOT (RECEIVED)]"));
    }

    [Test]
    public void Parse_SeveralSections_KeepsOrder()
    {
        var command = Wire.Parse<FetchCommand>("a1 FETCH 2 (BODY[HEADER] BODY.PEEK[1]<100.50> BINARY.SIZE[1])");

        Assert.That(command.Items.Sections.Select(s => s.ResponseLabel), Is.EqualTo(new[] { "BODY[HEADER]", "BODY[1]<100>", "BINARY.SIZE[1]" }));
        Assert.That(command.Items.SetsSeen, Is.True);
    }

    [Test]
    public void Parse_ChangedSince_ReadsModifier()
    {
        var command = Wire.Parse<FetchCommand>("s100 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 12345)");

        Assert.That(command.Modifiers, Is.EqualTo(new FetchModifiers(12345, false)));
    }

    [Test]
    public void Parse_ChangedSinceVanished_ReadsBoth()
    {
        var command = Wire.Parse<FetchCommand>("B02 UID FETCH 1:* FLAGS (CHANGEDSINCE 20070524194045000 VANISHED)");

        Assert.That(command.Modifiers, Is.EqualTo(new FetchModifiers(20070524194045000, true)));
    }

    [TestCase("a1 FETCH 1", "FETCH: missing fetch item")]
    [TestCase("a1 FETCH 1 ()", "FETCH: empty fetch item list")]
    [TestCase("a1 FETCH 1 FOO", "FETCH: unknown fetch item FOO")]
    [TestCase("a1 FETCH 1 (FLAGS ALL)", "FETCH: the ALL macro cannot be combined with other items")]
    [TestCase("a1 FETCH x FLAGS", "FETCH: message set is not a valid sequence set")]
    [TestCase("a1 FETCH 1 BODY[HEADER.FIELDS]", "FETCH: HEADER.FIELDS needs a list of header field names")]
    [TestCase("a1 FETCH 1 BODY[HEADER.FIELDS ()]", "FETCH: empty header field list")]
    [TestCase("a1 FETCH 1 BODY[HEADER.FIELDS (From)", "FETCH: missing ']' closing BODY[HEADER.FIELDS")]
    [TestCase("a1 FETCH 1 BODY[MIME]", "FETCH: invalid section 'MIME'")]
    [TestCase("a1 FETCH 1 BODY[0]", "FETCH: invalid part number '0'")]
    [TestCase("a1 FETCH 1 BODY[1.]", "FETCH: section ends with '.'")]
    [TestCase("a1 FETCH 1 BODY[FOO]", "FETCH: invalid section 'FOO'")]
    [TestCase("a1 FETCH 1 BINARY[1.TEXT]", "FETCH: invalid section '1.TEXT'")]
    [TestCase("a1 FETCH 1 BODY[]<0>", "FETCH: invalid partial '<0>' (expected <offset.length>)")]
    [TestCase("a1 FETCH 1 BODY[]<0.0>", "FETCH: invalid partial '<0.0>' (expected <offset.length>)")]
    [TestCase("a1 FETCH 1 BINARY.SIZE[1]<0.10>", "FETCH: invalid partial '<0.10>' (expected <offset.length>)")]
    [TestCase("a1 FETCH 1 BODYX[1]", "FETCH: unknown fetch item BODYX[1]")]
    [TestCase("a1 FETCH 1 FLAGS (VANISHED)", "FETCH: VANISHED needs UID FETCH and CHANGEDSINCE (RFC 7162 §3.2.6)")]
    [TestCase("a1 UID FETCH 1 FLAGS (VANISHED)", "UID FETCH: VANISHED needs UID FETCH and CHANGEDSINCE (RFC 7162 §3.2.6)")]
    [TestCase("a1 FETCH 1 FLAGS ()", "FETCH: missing fetch modifier")]
    [TestCase("a1 FETCH 1 FLAGS (CHANGEDSINCE)", "FETCH: missing CHANGEDSINCE value")]
    [TestCase("a1 FETCH 1 FLAGS (FOO)", "FETCH: unknown or repeated fetch modifier FOO")]
    [TestCase("a1 FETCH 1 FLAGS (CHANGEDSINCE 1) extra", "FETCH: unexpected argument extra")]
    public void Parse_MalformedFetch_IsBad(string line, string message)
    {
        Assert.That(Wire.ParseError(line).Message, Is.EqualTo(message));
    }
}
