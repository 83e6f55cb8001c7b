import { describe, expect, it } from "vitest";
import { TokenDictionary, TokenVotes } from "../../../web_src/engine/shared/token_votes";

describe("TokenVotes", () => {
  it("splits the evidence by rarity and keeps the first key order", () => {
    const votes = new TokenVotes<string>();
    votes.add(["ACME", "TRADING"], "a");
    votes.add(["ACME"], "a");
    votes.add(["TRADING", "GLOBEX"], "b");
    const result = votes.vote(["TRADING", "ACME"]);
    expect(result.size).toBe(2);
    expect([result.key(0), result.key(1)]).toEqual(["a", "b"]);
    expect(result.share(0) + result.share(1)).toBeCloseTo(1, 10);
    expect(result.share(0)).toBeGreaterThan(result.share(1));
    expect(result.bestToken(0)).toBe("ACME");
    expect(result.similarities().get("a")).toBeCloseTo(result.similarity(0), 12);
  });

  it("is reusable: a second vote replaces the first, and adding after a vote is seen", () => {
    const votes = new TokenVotes<number>();
    votes.add(["SHELL"], 6530);
    expect(votes.vote(["SHELL"]).size).toBe(1);
    expect(votes.vote(["NOTHING"]).size).toBe(0);
    votes.add(["ARAL"], 6531);
    expect(votes.vote(["ARAL"]).key(0)).toBe(6531);
  });

  it("ignores words shared by too many keys", () => {
    const votes = new TokenVotes<number>();
    for (let k = 0; k < 30; k++) votes.add(["ZAHLUNG"], k);
    const result = votes.vote(["ZAHLUNG"]);
    expect(result.size).toBe(0);
    expect(result.known).toBe(0);
  });
});

describe("TokenDictionary", () => {
  it("gives dense ids shared by votes, and unknown words -1", () => {
    const dictionary = new TokenDictionary();
    const partners = new TokenVotes<number>(dictionary);
    const accounts = new TokenVotes<string>(dictionary);
    partners.add(["ACME", "TRADING"], 1);
    accounts.add(["SHELL", "ACME"], "6530");
    expect(dictionary.idsOf(["ACME", "TRADING", "SHELL", "NEW"])).toEqual([0, 1, 2, -1]);
    const words = ["SHELL", "ACME", "NEW"];
    const ids = dictionary.idsOf(words);
    const byIds = partners.voteIds(ids, words);
    const byIdsSize = byIds.size;
    const byIdsKey = byIds.key(0);
    const byIdsShare = byIds.similarity(0);
    const byWords = partners.vote(words);
    expect([byWords.size, byWords.key(0), byWords.similarity(0)]).toEqual([byIdsSize, byIdsKey, byIdsShare]);
    expect(accounts.voteIds(ids, words).bestToken(0)).toBe("SHELL");
  });
});
