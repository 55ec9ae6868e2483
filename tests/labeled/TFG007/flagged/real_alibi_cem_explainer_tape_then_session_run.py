# source: https://github.com/SeldonIO/alibi/issues/959  # known-miss: the Session is a field assigned in both branches of an if (self.sess), so it is not known to be a Session
# reported: Running alibi's CEM explainer (TF1-style code with its own Session) under default TF2 behaviour fails with "RuntimeError: The Session graph is empty. Add operations to the graph before calling run()"; the maintainers point to tf.compat.v1.disable_v2_behavior().
# observed (TF 2.21): in this half-ported explainer the loss and its tape gradient are eager tensors, so self.sess.run([...]) in attack raises RuntimeError at line 61; the tape gradient itself (line 58) is real.
import numpy as np
import tensorflow as tf


class CEM(object):
    def __init__(self, predict, mode, shape, kappa=0., beta=.1, c_init=10., learning_rate_init=1e-2,
                 max_iterations=10, sess=None):
        self.predict = predict
        self.mode = mode
        self.shape = shape
        self.kappa = kappa
        self.beta = beta
        self.c_init = c_init
        self.learning_rate_init = learning_rate_init
        self.max_iterations = max_iterations

        if sess is None:
            self.sess = tf.compat.v1.Session()
        else:
            self.sess = sess

        # define tf variables for original and perturbed instances, and target labels
        self.orig = tf.Variable(np.zeros(shape), dtype=tf.float32, name='orig')
        self.adv = tf.Variable(np.zeros(shape), dtype=tf.float32, name='adv')
        self.target = tf.Variable(np.zeros((shape[0], 3)), dtype=tf.float32, name='target')
        self.const = tf.Variable(np.zeros(shape[0]), dtype=tf.float32, name='const')

    def loss_fn(self, pred_proba, target):
        # probability of target label and of the most likely other label
        target_proba = tf.reduce_sum(target * pred_proba, 1)
        nontarget_proba_max = tf.reduce_max((1 - target) * pred_proba - (target * 10000), 1)
        if self.mode == "PP":
            loss_attack = tf.maximum(0.0, nontarget_proba_max - target_proba + self.kappa)
        else:
            loss_attack = tf.maximum(0.0, -nontarget_proba_max + target_proba + self.kappa)
        return tf.reduce_sum(self.const * loss_attack)

    def attack(self, X, Y):
        self.orig.assign(X)
        self.adv.assign(X)
        self.target.assign(Y)
        self.const.assign(np.ones(self.shape[0]) * self.c_init)

        for i in range(self.max_iterations):
            with tf.GradientTape() as tape:
                delta = self.orig - self.adv
                if self.mode == "PP":
                    pred_proba = self.predict(delta)
                else:
                    pred_proba = self.predict(self.adv)
                loss_attack = self.loss_fn(pred_proba, self.target)
                loss_l1 = tf.reduce_sum(tf.abs(delta))
                loss_l2 = tf.reduce_sum(tf.square(delta))
                loss_total = loss_attack + self.beta * loss_l1 + loss_l2
            grads = tape.gradient(loss_total, self.adv)

            # TF1 habit: fetch the numbers through the session
            loss_val, grads_val = self.sess.run([loss_total, grads])  # expect: TFG007
            self.adv.assign_sub(self.learning_rate_init * grads_val)
        return self.adv.numpy()

    def explain(self, X):
        Y = tf.one_hot(tf.argmax(self.predict(X), axis=1), 3).numpy()
        return self.attack(X, Y)


model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3, activation='softmax')])
X = np.random.rand(1, 4).astype(np.float32)
cem = CEM(model, mode='PN', shape=(1, 4), max_iterations=2)
print(cem.explain(X))
