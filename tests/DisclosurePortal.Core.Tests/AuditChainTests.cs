using DisclosurePortal.Core.Auditing;

namespace DisclosurePortal.Core.Tests;

public class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private static List<AuditRecord> Trail(int count)
    {
        var trail = new List<AuditRecord>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = AuditChain.Link(
                new AuditRecord(i, Start.AddSeconds(i), $"user-{i}", $"User {i}", "invitation.issued", i % 2 == 0 ? 7 : null,
                    "Invitation", i.ToString(), i == 1 ? null : "{\"state\":\"old\"}", "{\"state\":\"new\"}", string.Empty, string.Empty),
                previous);
            trail.Add(entry);
            previous = entry.Hash;
        }

        return trail;
    }

    private static AuditVerification Verify(List<AuditRecord> trail, long? headSequence = null, string? headHash = null) =>
        AuditChainVerifier.Verify(trail, headSequence ?? trail.Count, headHash ?? trail[^1].Hash);

    [Fact]
    public void An_untouched_trail_is_intact_and_counted()
    {
        var result = Verify(Trail(5));
        Assert.True(result.IsIntact);
        Assert.Equal(5, result.Checked);
    }

    [Fact]
    public void An_empty_trail_is_intact()
    {
        Assert.True(AuditChainVerifier.Verify([], 0, AuditChain.Genesis).IsIntact);
    }

    [Fact]
    public void The_hash_is_sha256_hex_of_the_canonical_text()
    {
        var entry = Trail(1)[0];
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(AuditChain.Canonical(entry))));
        Assert.Equal(expected, entry.Hash);
        Assert.Equal(64, entry.Hash.Length);
    }

    [Fact]
    public void The_canonical_text_names_every_field_in_order_with_utc_milliseconds()
    {
        var entry = new AuditRecord(3, new DateTimeOffset(2026, 12, 1, 11, 30, 0, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            "u1", "Ann Admin", "user.created", null, "PortalUser", "u9", null, "{\"role\":\"Admin\"}", "ab", string.Empty);
        Assert.Equal(
            "sequence=1:3\nat=24:2026-12-01T09:30:00.123Z\nactor-id=2:u1\nactor=9:Ann Admin\naction=12:user.created\ncompany=-\n" +
            "entity-type=10:PortalUser\nentity-id=2:u9\nbefore=-\nafter=16:{\"role\":\"Admin\"}\nprevious=2:ab\n",
            AuditChain.Canonical(entry));
    }

    [Fact]
    public void Lengths_keep_values_from_running_into_each_other()
    {
        var a = Trail(1)[0] with { ActorId = "ab", ActorName = "c" };
        var b = a with { ActorId = "a", ActorName = "bc" };
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
        Assert.NotEqual(AuditChain.ComputeHash(a with { Before = null }), AuditChain.ComputeHash(a with { Before = string.Empty }));
    }

    [Fact]
    public void Non_ascii_text_is_hashed_by_its_utf8_bytes()
    {
        var entry = Trail(1)[0] with { ActorName = "Zoë Müller" };
        Assert.Contains("actor=12:Zoë Müller\n", AuditChain.Canonical(entry), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(AuditRecord.ActorName))]
    [InlineData(nameof(AuditRecord.Action))]
    [InlineData(nameof(AuditRecord.After))]
    [InlineData(nameof(AuditRecord.CompanyId))]
    [InlineData(nameof(AuditRecord.At))]
    public void An_altered_field_is_found_at_its_entry(string field)
    {
        var trail = Trail(6);
        trail[3] = field switch
        {
            nameof(AuditRecord.ActorName) => trail[3] with { ActorName = "Mallory" },
            nameof(AuditRecord.Action) => trail[3] with { Action = "invitation.revoked" },
            nameof(AuditRecord.After) => trail[3] with { After = "{\"state\":\"forged\"}" },
            nameof(AuditRecord.CompanyId) => trail[3] with { CompanyId = 99 },
            _ => trail[3] with { At = trail[3].At.AddMilliseconds(1) },
        };

        var result = Verify(trail);
        Assert.Equal(new AuditBreak(4, AuditBreakKind.Altered, "Entry 4 was altered: its content no longer matches its hash."), result.FirstBreak);
        Assert.Equal(3, result.Checked);
    }

    [Fact]
    public void An_entry_rewritten_with_a_fresh_hash_breaks_the_next_link()
    {
        var trail = Trail(5);
        trail[1] = AuditChain.Link(trail[1] with { ActorName = "Mallory" }, trail[1].PreviousHash);

        var result = Verify(trail);
        Assert.Equal(3, result.FirstBreak!.Sequence);
        Assert.Equal(AuditBreakKind.Reordered, result.FirstBreak.Kind);
        Assert.Contains("entry 2 was rewritten", result.FirstBreak.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deleted_entry_is_reported_missing()
    {
        var trail = Trail(5);
        trail.RemoveAt(2);

        var result = Verify(trail, headSequence: 5, headHash: trail[^1].Hash);
        Assert.Equal(new AuditBreak(3, AuditBreakKind.Missing, "Entry 3 is missing: entry 4 follows entry 2."), result.FirstBreak);
    }

    [Fact]
    public void A_deleted_first_entry_is_reported_missing()
    {
        var trail = Trail(3);
        trail.RemoveAt(0);
        Assert.Equal(AuditBreakKind.Missing, Verify(trail, 3).FirstBreak!.Kind);
        Assert.Equal(1, Verify(trail, 3).FirstBreak!.Sequence);
    }

    [Fact]
    public void Entries_deleted_from_the_end_are_found_through_the_head()
    {
        var trail = Trail(5);
        var head = trail[^1].Hash;
        trail.RemoveRange(3, 2);

        var result = Verify(trail, headSequence: 5, headHash: head);
        Assert.Equal(new AuditBreak(4, AuditBreakKind.Missing, "Entries 4 to 5 are missing: the trail ends at entry 3 but 5 were written."), result.FirstBreak);
        Assert.Equal(3, result.Checked);
    }

    [Fact]
    public void A_last_entry_rewritten_with_its_hash_is_found_through_the_head()
    {
        var trail = Trail(3);
        var head = trail[^1].Hash;
        trail[2] = AuditChain.Link(trail[2] with { After = "{}" }, trail[2].PreviousHash);

        Assert.Equal(new AuditBreak(3, AuditBreakKind.Altered, "Entry 3 is not the last entry written: its hash differs from the one recorded when it was appended."),
            Verify(trail, 3, head).FirstBreak);
    }

    [Fact]
    public void Entries_read_out_of_order_break_at_the_first_one_out_of_place()
    {
        var trail = Trail(5);
        (trail[1], trail[2]) = (trail[2], trail[1]);

        Assert.Equal(new AuditBreak(2, AuditBreakKind.Missing, "Entry 2 is missing: entry 3 follows entry 1."), Verify(trail).FirstBreak);
    }

    [Fact]
    public void Contents_swapped_between_sequence_numbers_break_the_hashes()
    {
        var trail = Trail(4);
        var second = trail[1];
        trail[1] = trail[2] with { Sequence = 2 };
        trail[2] = second with { Sequence = 3 };

        var result = Verify(trail);
        Assert.Equal(new AuditBreak(2, AuditBreakKind.Altered, "Entry 2 was altered: its content no longer matches its hash."), result.FirstBreak);
    }

    [Fact]
    public void A_duplicated_entry_is_reported_out_of_order()
    {
        var trail = Trail(3);
        trail.Insert(2, trail[1]);

        Assert.Equal(new AuditBreak(2, AuditBreakKind.Reordered, "Entry 2 appears after entry 2: the trail is out of order."), Verify(trail).FirstBreak);
    }

    [Fact]
    public void Streaming_stops_at_the_first_break()
    {
        var trail = Trail(4);
        trail[1] = trail[1] with { Action = "x" };
        var verifier = new AuditChainVerifier();
        Assert.True(verifier.Add(trail[0]));
        Assert.False(verifier.Add(trail[1]));
        Assert.False(verifier.Add(trail[2]));
        Assert.Equal(2, verifier.FirstBreak!.Sequence);
        Assert.Equal(1, verifier.Checked);
    }
}
