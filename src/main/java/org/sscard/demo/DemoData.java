package org.sscard.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.sscard.branch.BranchDirectory;
import org.sscard.card.CardActivation;
import org.sscard.card.CardActivation.CombinedActivation;
import org.sscard.card.CardActivation.FinancialActivation;
import org.sscard.card.CardActivation.SocialSecurityActivation;
import org.sscard.card.CancellationReason;
import org.sscard.card.CardIssuing;
import org.sscard.card.CardIssuing.FinancialApplication;
import org.sscard.card.CardIssuing.Issue;
import org.sscard.card.CardLifecycle;
import org.sscard.card.CardLifecycle.Cancellation;
import org.sscard.card.CardLifecycle.LossReport;
import org.sscard.card.CardLifecycle.Replacement;
import org.sscard.card.LossKind;
import org.sscard.card.ReplacementReason;
import org.sscard.shared.BranchKind;
import org.sscard.shared.Channel;
import org.sscard.shared.DomainException;
import org.sscard.shared.IdNumber;
import org.sscard.shared.Phone;
import org.sscard.shared.ServicePoint;
import org.sscard.shared.ServicePoint.Role;
import org.sscard.staff.OperatorRole;
import org.sscard.staff.StaffDirectory;

/**
 * The demo data set of the {@code local} profile, listed in the README: two cities (Shenzhen
 * 4403, Guangzhou 4401), branches of two banks, staff of every role, a client of every channel,
 * and thirteen cards in different states
 * and stages of their life (lost, replaced, cancelled). Built through the use cases themselves, so it obeys every
 * rule and leaves a real audit trail. Loaded once; a database that has it is left alone.
 *
 * DEMO CREDENTIALS: published in the README. Never enable sscard.demo-data for real cards.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("sscard.demo-data")
class DemoData implements ApplicationRunner {

	static final String OPERATOR_PASSWORD = "demo-password-2026";

	static final String CLIENT_SECRET = "demo-client-secret-2026-sscard";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final BranchDirectory branches;

	private final StaffDirectory staff;

	private final CardIssuing issuing;

	private final CardActivation activation;

	private final CardLifecycle lifecycle;

	DemoData(BranchDirectory branches, StaffDirectory staff, CardIssuing issuing, CardActivation activation,
			CardLifecycle lifecycle) {
		this.branches = branches;
		this.staff = staff;
		this.issuing = issuing;
		this.activation = activation;
		this.lifecycle = lifecycle;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.branches.find("SZ-HALL-01").isPresent()) {
			return;
		}
		log.info("Loading the demo data set (demo credentials, see README)");
		branch("SZ-HALL-01", "深圳市福田区社会保险服务大厅", BranchKind.SERVICE_HALL, "440304", null);
		branch("SZ-HOSP-01", "深圳市南山区人民医院", BranchKind.HOSPITAL, "440305", null);
		branch("SZ-PHAR-01", "深圳市宝安区大药房", BranchKind.PHARMACY, "440306", null);
		branch("SZ-ICBC-01", "工商银行深圳南山支行", BranchKind.BANK_BRANCH, "440305", "ICBC");
		branch("SZ-CCB-01", "建设银行深圳罗湖支行", BranchKind.BANK_BRANCH, "440303", "CCB");
		branch("GZ-HALL-01", "广州市天河区社会保险服务大厅", BranchKind.SERVICE_HALL, "440106", null);
		branch("GZ-HOSP-01", "广州市越秀区中医院", BranchKind.HOSPITAL, "440104", null);
		branch("GZ-ICBC-01", "工商银行广州天河支行", BranchKind.BANK_BRANCH, "440106", "ICBC");
		branch("GZ-CCB-01", "建设银行广州荔湾支行", BranchKind.BANK_BRANCH, "440103", "CCB");

		this.staff.addOperator("admin", OPERATOR_PASSWORD, OperatorRole.ADMIN, null);
		operator("sz.hall", OperatorRole.SERVICE_WINDOW, "SZ-HALL-01");
		operator("sz.hospital", OperatorRole.SERVICE_WINDOW, "SZ-HOSP-01");
		operator("sz.pharmacy", OperatorRole.SERVICE_WINDOW, "SZ-PHAR-01");
		operator("sz.icbc", OperatorRole.TELLER, "SZ-ICBC-01");
		operator("sz.ccb", OperatorRole.TELLER, "SZ-CCB-01");
		operator("gz.hall", OperatorRole.SERVICE_WINDOW, "GZ-HALL-01");
		operator("gz.hospital", OperatorRole.SERVICE_WINDOW, "GZ-HOSP-01");
		operator("gz.icbc", OperatorRole.TELLER, "GZ-ICBC-01");
		operator("gz.ccb", OperatorRole.TELLER, "GZ-CCB-01");

		this.staff.addChannelClient("wechat-demo", CLIENT_SECRET, Channel.WECHAT, null);
		this.staff.addChannelClient("alipay-demo", CLIENT_SECRET, Channel.ALIPAY, null);
		this.staff.addChannelClient("essc-demo", CLIENT_SECRET, Channel.E_SSC_MINI_PROGRAM, null);
		this.staff.addChannelClient("icbc-mobile-demo", CLIENT_SECRET, Channel.MOBILE_BANKING, "ICBC");
		this.staff.addChannelClient("ccb-mobile-demo", CLIENT_SECRET, Channel.MOBILE_BANKING, "CCB");

		ServicePoint admin = ServicePoint.admin("admin");
		card(admin, "A10000001", "440305198503121012", "张伟", "440305", "ICBC", "6222024000000000014");
		card(admin, "A10000002", "440304199007232029", "王芳", "440304", "ICBC", "6222024000000000022");
		card(admin, "A10000003", "440306197811053033", "李娜", "440306", "CCB", "6217006000000000016");
		card(admin, "A10000004", "440305199502184040", "刘洋", "440305", null, null);
		card(admin, "A10000005", "440304198806305058", "陈静", "440304", "ICBC", "6222024000000000030");
		card(admin, "A10000006", "440303197009096061", "杨磊", "440303", "CCB", "6217006000000000024");
		card(admin, "B20000001", "440106199212017071", "赵敏", "440106", "ICBC", "6222024000000000048");
		card(admin, "B20000002", "440104198304158085", "黄强", "440104", "CCB", "6217006000000000032");
		card(admin, "B20000003", "44010320000101909X", "周杰", "440103", null, null);
		card(admin, "B20000004", "440106197505201113", "吴婷", "440106", "ICBC", "6222024000000000055");
		card(admin, "A10000007", "440304199103147078", "孙丽", "440304", "ICBC", "6222024000000000063");
		card(admin, "A10000008", "440305198006278086", "马超", "440305", "CCB", "6217006000000000040");
		card(admin, "B20000005", "440106196811029097", "郭芳", "440106", null, null);

		ServicePoint szIcbc = staff("sz.icbc", Role.TELLER, "SZ-ICBC-01");
		this.activation.activateBoth(szIcbc, "A10000005",
				new CombinedActivation(IdNumber.parse("440304198806305058"), "陈静", Phone.parse("13800138005"), "123456", "802514", "731946"));
		ServicePoint szHall = staff("sz.hall", Role.SERVICE_WINDOW, "SZ-HALL-01");
		for (String wrong : List.of("111111", "222222", "333333")) {
			try {
				this.activation.activateSocialSecurity(szHall, "A10000006",
						new SocialSecurityActivation(wrong, "802514", Phone.parse("13800138006")));
			}
			catch (DomainException expected) {
				// Three wrong PINs: card A10000006 is LOCKED, for the reset walk-through.
			}
		}
		ServicePoint gzHospital = staff("gz.hospital", Role.SERVICE_WINDOW, "GZ-HOSP-01");
		this.activation.activateSocialSecurity(gzHospital, "B20000002",
				new SocialSecurityActivation("123456", "802514", Phone.parse("+86 139-0013-8002")));
		this.activation.activateBoth(staff("gz.icbc", Role.TELLER, "GZ-ICBC-01"), "B20000004",
				new CombinedActivation(IdNumber.parse("440106197505201113"), "吴婷", Phone.parse("13900139004"), "123456", "802514", "731946"));
		ServicePoint wechat = ServicePoint.channelClient("wechat-demo", Channel.WECHAT, null);
		this.activation.activateFinancial(wechat, "B20000002",
				new FinancialActivation(IdNumber.parse("440104198304158085"), "黄强", Phone.parse("13900138002"), "731946"));
		lifecycle(admin, szHall, wechat);
	}

	/** A card reported lost online, one lost at a hall and replaced, one cancelled: the lifecycle walk-through. */
	private void lifecycle(ServicePoint admin, ServicePoint szHall, ServicePoint wechat) {
		this.lifecycle.reportLoss(wechat, "A10000007",
				new LossReport(LossKind.TEMPORARY, IdNumber.parse("440304199103147078"), "孙丽"));
		this.lifecycle.reportLoss(szHall, "A10000008",
				new LossReport(LossKind.FORMAL, IdNumber.parse("440305198006278086"), "马超"));
		this.lifecycle.replace(admin, "A10000008", new Replacement("A10000009", ReplacementReason.LOST,
				new FinancialApplication("CCB", "6217006000000000057", null, null)));
		this.lifecycle.cancel(staff("gz.hall", Role.SERVICE_WINDOW, "GZ-HALL-01"), "B20000005",
				new Cancellation(CancellationReason.EMIGRATED, "Demo: the holder emigrated."));
	}

	private void branch(String code, String name, BranchKind kind, String region, String bank) {
		this.branches.open(code, name, kind, region, bank);
	}

	private void operator(String username, OperatorRole role, String branchCode) {
		this.staff.addOperator(username, OPERATOR_PASSWORD, role, branchCode);
	}

	private ServicePoint staff(String username, Role role, String branchCode) {
		return this.branches.find(branchCode).orElseThrow().staff(username, role);
	}

	private void card(ServicePoint admin, String cardNumber, String idNumber, String name, String region, String bank,
			String accountNumber) {
		this.issuing.issue(admin, new Issue(cardNumber, IdNumber.parse(idNumber), name, region,
				(accountNumber != null) ? new FinancialApplication(bank, accountNumber, null, null) : null));
	}

}
