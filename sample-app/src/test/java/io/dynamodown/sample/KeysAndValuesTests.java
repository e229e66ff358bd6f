package io.dynamodown.sample;

import java.net.http.HttpResponse;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys and values through HTTP: any key through the query form, the empty value, a value
 * larger than one DynamoDB item, and malformed input refused with 400 without an ERROR in
 * the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class KeysAndValuesTests {

	@LocalServerPort
	private int port;

	private SampleHttp http;

	@BeforeEach
	void client() {
		this.http = new SampleHttp(this.port);
	}

	@Test
	void keyWithSlashesRoundTripsThroughTheQueryForm() throws Exception {
		assertThat(this.http.put("/entries?key=users%2Fada%2F..%2Fprofile", "slashes").statusCode()).isEqualTo(200);
		HttpResponse<String> response = this.http.get("/entries?key=users/ada/../profile");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"key\":\"users/ada/../profile\",\"value\":\"slashes\"}");
		assertThat(this.http.get("/entries?key=users%2Fada").statusCode()).isEqualTo(404);
	}

	@Test
	void keyWithSlashesIsDeletedThroughTheQueryForm() throws Exception {
		this.http.put("/entries?key=a%2Fb", "soon");
		assertThat(this.http.delete("/entries?key=a%2Fb").statusCode()).isEqualTo(204);
		assertThat(this.http.get("/entries?key=a%2Fb").statusCode()).isEqualTo(404);
	}

	@Test
	void encodedSlashInAPathKeyIsRefusedWithoutAnErrorLogged(CapturedOutput output) throws Exception {
		assertThat(this.http.put("/entries/a%2Fb", "v").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/entries/%FF").statusCode()).isEqualTo(400);
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void emptyKeyIsAKeyInTheQueryForm() throws Exception {
		assertThat(this.http.put("/entries?key=", "under the empty key").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/entries?key=").body()).isEqualTo("{\"key\":\"\",\"value\":\"under the empty key\"}");
	}

	@Test
	void semicolonInAPathKeyIsRefusedRatherThanTruncated() throws Exception {
		this.http.put("/entries/semi", "only semi");
		HttpResponse<String> response = this.http.put("/entries/semi;colon", "would overwrite semi");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_KEY\"").contains("/entries?key=");
		assertThat(this.http.get("/entries/semi").body()).contains("\"value\":\"only semi\"");
		assertThat(this.http.put("/entries?key=semi;colon", "kept apart").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/entries/semi%3Bcolon").body()).contains("\"value\":\"kept apart\"");
	}

	@Test
	void twoMegabyteValueRoundTrips() throws Exception {
		String value = randomText(2 * 1024 * 1024);
		assertThat(this.http.put("/entries/large", value).statusCode()).isEqualTo(200);
		HttpResponse<String> response = this.http.get("/entries/large");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"key\":\"large\",\"value\":\"" + value + "\"}");
	}

	@Test
	void emptyBodyStoresTheEmptyValue() throws Exception {
		HttpResponse<String> put = this.http.put("/entries/empty", "");
		assertThat(put.statusCode()).isEqualTo(200);
		assertThat(put.body()).isEqualTo("{\"key\":\"empty\",\"value\":\"\"}");
		HttpResponse<String> get = this.http.get("/entries/empty");
		assertThat(get.statusCode()).isEqualTo(200);
		assertThat(get.body()).isEqualTo("{\"key\":\"empty\",\"value\":\"\"}");
	}

	@Test
	void invalidUtf8BodyIsRefusedAndNothingIsStored(CapturedOutput output) throws Exception {
		byte[] invalid = { 'o', 'k', (byte) 0xff, (byte) 0xfe };
		HttpResponse<String> response = this.http.put("/entries/invalid-body", invalid);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_VALUE\"").contains("not well-formed UTF-8");
		assertThat(this.http.get("/entries/invalid-body").statusCode()).isEqualTo(404);
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void encodedLoneSurrogateBodyIsRefused() throws Exception {
		byte[] loneHighSurrogate = { (byte) 0xed, (byte) 0xa0, (byte) 0x80 };
		HttpResponse<String> response = this.http.put("/entries/surrogate", loneHighSurrogate);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_VALUE\"");
	}

	@Test
	void invalidUtf8InTheQueryIsA400WithoutAnErrorLogged(CapturedOutput output) throws Exception {
		HttpResponse<String> range = this.http.get("/entries?gt=%FF%FE");
		assertThat(range.statusCode()).isEqualTo(400);
		assertThat(range.body()).contains("\"code\":\"INVALID_ARGUMENT\"").contains("'gt'");
		assertThat(this.http.put("/entries?key=%C3", "x").statusCode()).isEqualTo(400);
		assertThat(this.http.get("/actuator/health?x=%FF").statusCode()).isEqualTo(400);
		assertThat(output).doesNotContain("ERROR").doesNotContain("InvalidParameterException");
	}

	@Test
	void nonNumericLimitIsA400WithoutAnErrorLogged(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.get("/entries?limit=many");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_ARGUMENT\"").contains("'limit'");
		assertThat(output).doesNotContain("ERROR");
	}

	@Test
	void keyOverTheStoreLimitIsA400NamingTheLimit(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.put("/entries?key=" + "k".repeat(1024), "v");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("\"code\":\"INVALID_KEY\"").contains("1023");
		assertThat(output).doesNotContain("ERROR");
	}

	/**
	 * Letters and digits at random: larger than one DynamoDB item even compressed.
	 */
	private static String randomText(int length) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
		Random random = new Random(length);
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
