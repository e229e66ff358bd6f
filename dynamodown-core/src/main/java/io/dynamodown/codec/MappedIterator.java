package io.dynamodown.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.dynamodown.LevelIterator;

/**
 * A {@link LevelIterator} whose elements are decoded from another's.
 */
final class MappedIterator<A, B> implements LevelIterator<B> {

	private final LevelIterator<A> source;

	private final Function<A, B> mapper;

	MappedIterator(LevelIterator<A> source, Function<A, B> mapper) {
		this.source = source;
		this.mapper = mapper;
	}

	@Override
	public boolean hasNext() {
		return this.source.hasNext();
	}

	@Override
	public B next() {
		return this.mapper.apply(this.source.next());
	}

	@Override
	public List<B> nextv(int n) {
		return map(this.source.nextv(n));
	}

	@Override
	public List<B> all() {
		return map(this.source.all());
	}

	@Override
	public void seek(byte[] target) {
		this.source.seek(target);
	}

	@Override
	public void close() {
		this.source.close();
	}

	private List<B> map(List<A> elements) {
		List<B> mapped = new ArrayList<>(elements.size());
		elements.forEach((element) -> mapped.add(this.mapper.apply(element)));
		return mapped;
	}

}
