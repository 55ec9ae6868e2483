# source: https://github.com/SeldonIO/alibi/issues/959
# reported: alibi's CEM explainer raises "The Session graph is empty" under default TF2 behaviour; the maintainers' answer is to call tf.compat.v1.disable_v2_behavior() first, since alibi's CEM still relies on TF1 constructs. This is the TF1-style explainer with that call.
# observed (TF 2.21): with v2 behaviour disabled the placeholders, the loss and tf.gradients(loss_total, adv) are graph ops, and the session runs every iteration; no error.
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_v2_behavior()


class CEM(object):
    def __init__(self, predict, mode, shape, kappa=0., beta=.1, c_init=10., learning_rate_init=1e-2,
                 max_iterations=10, sess=None):
        self.predict = predict
        self.mode = mode
        self.shape = shape
        self.kappa = kappa
        self.beta = beta
        self.learning_rate_init = learning_rate_init
        self.max_iterations = max_iterations
        self.c_init = c_init

        if sess is None:
            self.sess = tf.compat.v1.Session()
        else:
            self.sess = sess

        # placeholders for original and perturbed instances, and target labels
        self.orig = tf.compat.v1.placeholder(tf.float32, shape, name='orig')
        self.adv = tf.compat.v1.placeholder(tf.float32, shape, name='adv')
        self.target = tf.compat.v1.placeholder(tf.float32, (shape[0], 3), name='target')
        self.const = tf.compat.v1.placeholder(tf.float32, (shape[0],), name='const')

        self.delta = self.orig - self.adv
        if self.mode == "PP":
            self.pred_proba = self.predict(self.delta)
        else:
            self.pred_proba = self.predict(self.adv)

        target_proba = tf.reduce_sum(self.target * self.pred_proba, 1)
        nontarget_proba_max = tf.reduce_max((1 - self.target) * self.pred_proba - (self.target * 10000), 1)
        if self.mode == "PP":
            loss_attack = tf.maximum(0.0, nontarget_proba_max - target_proba + self.kappa)
        else:
            loss_attack = tf.maximum(0.0, -nontarget_proba_max + target_proba + self.kappa)
        self.loss_attack = tf.reduce_sum(self.const * loss_attack)
        self.loss_l1 = tf.reduce_sum(tf.abs(self.delta))
        self.loss_l2 = tf.reduce_sum(tf.square(self.delta))
        self.loss_total = self.loss_attack + self.beta * self.loss_l1 + self.loss_l2

        self.compute_grads = tf.gradients(self.loss_total, self.adv)[0]

    def attack(self, X, Y):
        adv = X.copy()
        const = np.ones(self.shape[0]) * self.c_init
        for i in range(self.max_iterations):
            feed = {self.orig: X, self.adv: adv, self.target: Y, self.const: const}
            loss_val, grads_val = self.sess.run([self.loss_total, self.compute_grads], feed_dict=feed)
            adv = adv - self.learning_rate_init * grads_val
        return adv


w = np.random.rand(4, 3).astype(np.float32)


def predict(x):
    return tf.nn.softmax(tf.matmul(x, w))


X = np.random.rand(1, 4).astype(np.float32)
Y = np.eye(3, dtype=np.float32)[[0]]
cem = CEM(predict, mode='PN', shape=(1, 4), max_iterations=2)
print(cem.attack(X, Y))
