package io.dynamodown.internal.range;

import java.util.Arrays;

import io.dynamodown.Range;
import io.dynamodown.RangeBounds;
import io.dynamodown.internal.key.ByteKeys;
import io.dynamodown.internal.key.KeyBound;
import io.dynamodown.support.Bytes;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static io.dynamodown.support.Bytes.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Range planning into sort-key conditions, without a server.
 */
class RangePlannerTests {

	private static final byte[] ROOT = new byte[0];

	@Test
	void fullRangeStopsBelowTheChunkSpace() {
		SortKeyRange plan = plan(ROOT, Range.all());
		assertThat(plan.keyConditionExpression()).isEqualTo("#h = :h AND #r < :hi");
		assertThat(plan.upper()).isEqualTo(new KeyBound(Bytes.of(0x01), false));
	}

	@Test
	void lowerBoundsAlsoStopBelowTheChunkSpace() {
		SortKeyRange plan = plan(ROOT, Range.all().gte(utf8("a")));
		assertThat(plan.keyConditionExpression()).endsWith("#r BETWEEN :lo AND :hi");
		byte[] lastKey = Bytes.filled(1024, 0xff);
		lastKey[0] = 0x00;
		assertThat(plan.upper()).isEqualTo(new KeyBound(lastKey, true));
	}

	@Test
	void upperBoundsKeepTheirOperators() {
		assertThat(plan(ROOT, Range.all().lt(utf8("a"))).keyConditionExpression()).endsWith("#r < :hi");
		assertThat(plan(ROOT, Range.all().lte(utf8("a"))).keyConditionExpression()).endsWith("#r <= :hi");
	}

	@Test
	void boundsCarryTheFormatByte() {
		SortKeyRange plan = plan(ROOT, Range.all().gte(utf8("a")));
		assertThat(plan.lower()).isEqualTo(new KeyBound(Bytes.of(0x00, 'a'), true));
	}

	@Test
	void twoBoundsBecomeBetweenWithExclusiveBoundsMadeInclusive() {
		SortKeyRange plan = plan(ROOT, Range.all().gt(utf8("a")).lt(utf8("c")));
		assertThat(plan.keyConditionExpression()).endsWith("#r BETWEEN :lo AND :hi");
		assertThat(plan.lower().key()).isEqualTo(Bytes.of(0x00, 'a', 0x00));
		byte[] expectedHigh = new byte[1024];
		Arrays.fill(expectedHigh, (byte) 0xff);
		expectedHigh[0] = 0x00;
		expectedHigh[1] = 'b';
		assertThat(plan.upper().key()).isEqualTo(expectedHigh);
		assertThat(contains(plan, Bytes.of(0x00, 'b', 0xff, 0xff))).isTrue();
		assertThat(contains(plan, Bytes.of(0x00, 'c'))).isFalse();
		assertThat(contains(plan, Bytes.of(0x00, 'a'))).isFalse();
	}

	@Test
	void exclusiveUpperBoundEndingInZeroDropsThatByte() {
		SortKeyRange plan = plan(ROOT, Range.all().gte(utf8("a")).lt(Bytes.of('b', 0x00)));
		assertThat(plan.upper().key()).isEqualTo(Bytes.of(0x00, 'b'));
	}

	@Test
	void invertedAndDegenerateRangesAreEmpty() {
		assertThat(plan(ROOT, Range.all().gte(utf8("b")).lte(utf8("a"))).empty()).isTrue();
		assertThat(plan(ROOT, Range.all().gt(utf8("a")).lt(utf8("a"))).empty()).isTrue();
		assertThat(plan(ROOT, Range.all().gt(utf8("a")).lt(Bytes.of('a', 0x00))).empty()).isTrue();
		assertThat(plan(ROOT, Range.all().lt(new byte[0])).empty()).isTrue();
		assertThat(plan(ROOT, Range.all().gt(Bytes.filled(1023, 0xff))).empty()).isTrue();
	}

	@Test
	void equalBoundsInclusiveHoldOneKey() {
		SortKeyRange plan = plan(ROOT, Range.all().gte(utf8("a")).lte(utf8("a")));
		assertThat(plan.empty()).isFalse();
		assertThat(plan.lower().key()).isEqualTo(plan.upper().key());
	}

	@Test
	void sublevelPrefixBoundsTheRangeAndIntersectsTheCallersBounds() {
		byte[] prefix = utf8("!s!");
		SortKeyRange all = plan(prefix, Range.all());
		assertThat(all.lower()).isEqualTo(new KeyBound(Bytes.of(0x00, '!', 's', '!'), true));
		assertThat(contains(all, Bytes.of(0x00, '!', 's', '!', 0xff))).isTrue();
		assertThat(contains(all, Bytes.of(0x00, '!', 's', '"'))).isFalse();
		SortKeyRange narrowed = plan(prefix, Range.all().gte(utf8("k")));
		assertThat(narrowed.lower().key()).isEqualTo(Bytes.of(0x00, '!', 's', '!', 'k'));
	}

	@Test
	void seekTargetMovesTheStartInTheRangesDirection() {
		Range range = Range.all().gte(utf8("b")).lte(utf8("y"));
		SortKeyRange forward = plan(ROOT, range, utf8("m"));
		assertThat(forward.lower().key()).isEqualTo(Bytes.of(0x00, 'm'));
		SortKeyRange reverse = plan(ROOT, range.reverse(), utf8("m"));
		assertThat(reverse.upper().key()).isEqualTo(Bytes.of(0x00, 'm'));
		assertThat(plan(ROOT, range, utf8("z")).empty()).isTrue();
		assertThat(plan(ROOT, range, utf8("a")).empty()).isTrue();
		assertThat(plan(ROOT, range.reverse(), utf8("z")).empty()).isTrue();
		assertThat(plan(ROOT, range.reverse(), utf8("a")).empty()).isTrue();
	}

	@Test
	void seekTargetOnAnExclusiveBoundEndsTheRange() {
		assertThat(plan(ROOT, Range.all().gt(utf8("b")), utf8("b")).empty()).isTrue();
		assertThat(plan(ROOT, Range.all().lt(utf8("b")).reverse(), utf8("b")).empty()).isTrue();
		assertThat(plan(ROOT, Range.all().gte(utf8("b")), utf8("b")).lower().key()).isEqualTo(Bytes.of(0x00, 'b'));
	}

	@Test
	void boundsLongerThanAnyKeyAreTruncatedWithoutChangingTheRange() {
		byte[] longKey = Bytes.filled(2000, 'a');
		SortKeyRange lower = plan(ROOT, Range.all().gte(longKey));
		byte[] truncated = new byte[1024];
		System.arraycopy(longKey, 0, truncated, 1, 1023);
		truncated[1023]++;
		assertThat(lower.lower()).as("above the truncation").isEqualTo(new KeyBound(truncated, true));
		SortKeyRange upper = plan(ROOT, Range.all().lt(longKey));
		assertThat(upper.upper().key()).hasSize(1024);
		assertThat(upper.upper().inclusive()).isTrue();
	}

	private static SortKeyRange plan(byte[] prefix, Range range) {
		return plan(prefix, range, null);
	}

	private static SortKeyRange plan(byte[] prefix, Range range, byte @Nullable [] seekTarget) {
		return RangePlanner.plan(prefix, RangeBounds.lower(range).orElse(null), RangeBounds.upper(range).orElse(null),
				range.isReverse(), seekTarget);
	}

	private static boolean contains(SortKeyRange range, byte[] sortKey) {
		if (range.empty()) {
			return false;
		}
		KeyBound lower = range.lower();
		if (lower != null) {
			int cmp = ByteKeys.compare(sortKey, lower.key());
			if (cmp < 0 || (cmp == 0 && !lower.inclusive())) {
				return false;
			}
		}
		KeyBound upper = range.upper();
		if (upper != null) {
			int cmp = ByteKeys.compare(sortKey, upper.key());
			return cmp < 0 || (cmp == 0 && upper.inclusive());
		}
		return true;
	}

}
